//! A small SMTP server on loopback for the mail tests: it speaks enough ESMTP for lettre
//! (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps every message it accepts.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Notify;

#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub data: String,
}

#[derive(Clone, Default)]
pub struct SmtpServer {
    pub port: u16,
    messages: Arc<Mutex<Vec<Received>>>,
    arrived: Arc<Notify>,
}

impl SmtpServer {
    pub async fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind smtp");
        let server = SmtpServer { port: listener.local_addr().unwrap().port(), ..Default::default() };
        let s = server.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let s = s.clone();
                tokio::spawn(async move {
                    let _ = s.session(stream).await;
                });
            }
        });
        server
    }

    async fn session(&self, stream: tokio::net::TcpStream) -> std::io::Result<()> {
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read);
        write.write_all(b"220 localhost ESMTP test\r\n").await?;
        let mut to = Vec::new();
        loop {
            let mut line = String::new();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let upper = line.to_ascii_uppercase();
            let reply: &[u8] = if upper.starts_with("EHLO") {
                b"250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
            } else if upper.starts_with("HELO") || upper.starts_with("MAIL") || upper.starts_with("NOOP") {
                b"250 OK\r\n"
            } else if upper.starts_with("RSET") {
                to.clear();
                b"250 OK\r\n"
            } else if upper.starts_with("RCPT") {
                let addr = line.split(['<', '>']).nth(1).unwrap_or("").to_string();
                // A mailbox that does not exist, as a real server refuses it: for good.
                if addr.starts_with("no-such-mailbox@") {
                    b"550 5.1.1 Recipient address rejected: User unknown\r\n"
                } else {
                    to.push(addr);
                    b"250 OK\r\n"
                }
            } else if upper.starts_with("DATA") {
                write.write_all(b"354 go ahead\r\n").await?;
                let mut data = String::new();
                loop {
                    let mut l = String::new();
                    if lines.read_line(&mut l).await? == 0 {
                        return Ok(());
                    }
                    if l == ".\r\n" {
                        break;
                    }
                    data.push_str(l.strip_prefix('.').filter(|_| l.starts_with("..")).unwrap_or(&l));
                }
                self.messages.lock().unwrap().push(Received { to: std::mem::take(&mut to), data });
                self.arrived.notify_waiters();
                b"250 OK queued\r\n"
            } else if upper.starts_with("QUIT") {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            } else {
                b"502 not implemented\r\n"
            };
            write.write_all(reply).await?;
        }
    }

    pub fn count_to(&self, addr: &str) -> usize {
        self.messages.lock().unwrap().iter().filter(|m| m.to.iter().any(|t| t == addr)).count()
    }

    /// The messages to `addr` delivered so far, oldest first.
    pub fn delivered_to(&self, addr: &str) -> Vec<Received> {
        self.messages.lock().unwrap().iter().filter(|m| m.to.iter().any(|t| t == addr)).cloned().collect()
    }

    /// Waits for the `n`-th message (1-based) to `addr`.
    pub async fn nth_to(&self, addr: &str, n: usize) -> Received {
        self.next_to(addr, n - 1, |_| true).await
    }

    /// Waits for the first message to `addr` after its first `skip` that `wanted` accepts:
    /// a login code, say, while notices of what the test just did arrive in between.
    pub async fn next_to(&self, addr: &str, skip: usize, wanted: impl Fn(&Received) -> bool) -> Received {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let found = {
                let all = self.messages.lock().unwrap();
                all.iter().filter(|m| m.to.iter().any(|t| t == addr)).skip(skip).find(|m| wanted(m)).cloned()
            };
            if let Some(m) = found {
                return m;
            }
            assert!(tokio::time::Instant::now() < deadline, "no such message #{} to {addr} within 15 s", skip + 1);
            let _ = tokio::time::timeout(Duration::from_millis(200), self.arrived.notified()).await;
        }
    }
}

impl Received {
    /// The message with quoted-printable soft breaks and `=3D` undone.
    pub fn decoded(&self) -> String {
        self.data.replace("=\r\n", "").replace("=3D", "=")
    }

    pub fn subject(&self) -> String {
        self.data.lines().find_map(|l| l.strip_prefix("Subject: ")).unwrap_or("").to_string()
    }

    /// The 6-digit code, as the subject and the body show it.
    pub fn code(&self) -> String {
        let subject = self.subject();
        let code: String = subject.chars().take(6).collect();
        assert!(code.bytes().all(|b| b.is_ascii_digit()), "subject starts with the code: {subject}");
        assert!(self.decoded().contains(&format!("    {code}")), "the body shows the code");
        code
    }

    /// The magic-link token (after `#token=`).
    pub fn link_token(&self) -> String {
        let text = self.decoded();
        let at = text.find("#token=").expect("a magic link");
        text[at + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
    }

    pub fn link(&self) -> String {
        let text = self.decoded();
        let at = text.find("#token=").expect("a magic link");
        let start = text[..at].rfind("http").expect("absolute link");
        let token = self.link_token();
        format!("{}#token={token}", &text[start..at])
    }
}
