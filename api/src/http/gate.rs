//! Authentication answers before the body does. Actix extracts a handler's arguments
//! together, and the first to fail wins: an unauthenticated request with a malformed body got
//! 422 (telling a stranger the rules of an endpoint they may not use) whenever the body was
//! checked before the session lookup returned. Each credential extractor opens a gate when it
//! has decided; a body that is wrong waits for it, so the caller's rights are answered first.

use std::cell::RefCell;
use std::future::poll_fn;
use std::rc::Rc;
use std::task::{Poll, Waker};

use actix_web::{HttpMessage, HttpRequest};

#[derive(Clone, Default)]
pub struct AuthGate(Rc<RefCell<Gate>>);

#[derive(Default)]
struct Gate {
    open: bool,
    wakers: Vec<Waker>,
}

impl AuthGate {
    /// Called by a credential extractor as it starts; the gate it returns opens when dropped.
    pub fn arm(req: &HttpRequest) -> Opener {
        let existing = req.extensions().get::<AuthGate>().cloned();
        let gate = match existing {
            Some(gate) => gate,
            None => {
                let gate = AuthGate::default();
                req.extensions_mut().insert(gate.clone());
                gate
            }
        };
        Opener(gate)
    }

    /// Waits until every credential extractor of `req` has decided (at once when none runs).
    pub async fn decided(req: &HttpRequest) {
        let found = req.extensions().get::<AuthGate>().cloned();
        let Some(gate) = found else { return };
        poll_fn(|cx| {
            let mut g = gate.0.borrow_mut();
            if g.open {
                Poll::Ready(())
            } else {
                g.wakers.push(cx.waker().clone());
                Poll::Pending
            }
        })
        .await
    }
}

/// Opens the gate when the extractor is done, whichever way it ends (or is dropped).
pub struct Opener(AuthGate);

impl Drop for Opener {
    fn drop(&mut self) {
        let mut g = self.0.0.borrow_mut();
        g.open = true;
        for waker in g.wakers.drain(..) {
            waker.wake();
        }
    }
}
