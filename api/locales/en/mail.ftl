# The login email and text message.
login-subject = { $code } is your { $business } login code
login-heading = Your login code
login-intro = Your login code for { $business } is:
login-expiry = It expires in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
  } (at { $time }).
login-link-intro = Or open this link to log in (it asks you to confirm first):
login-button = Log in to { $business }
login-footer = If you did not ask to log in, ignore this email: nobody can log in without the code or the link.
login-sms = { $code } is your { $business } login code. It expires in { $minutes } minutes. Never share it.

# Invitations to the portal or the console.
invitation-subject = { $business } invited you to { $what }
invitation-line = { $business } invited you to { $what }.
invitation-what-portal = your client portal
invitation-what-owner = work with them in Portico as owner
invitation-what-admin = work with them in Portico as admin
invitation-what-member = work with them in Portico as member
invitation-heading = Hello { $name }
invitation-link-intro = Open this link to log in (it works for { $days } days and asks you to confirm first):
invitation-later = Later, log in with your email address: you will get a code each time. There is no password to remember.
invitation-button = Open { $business }
invitation-footer = The button works for { $days } days. { $later }

# What every email says at its end.
greeting = Hello { $name },
footer-portal = Sent by { $business } through its client portal.
footer-notice = Sent by { $business }'s client portal.
footer-security = Sent by { $business }'s client portal. This is a security notice; it cannot be turned off.
footer-personal = Written to you by { $sender } of { $business } through its client portal.
opt-out-line = You get this email because you have an account in this client portal. Turn off these notices in your profile; login codes, invoices and receipts still come.
opt-out-link = Email preferences
button-portal = Open the portal

# Service orders.
order-received = Your order { $reference } has been received
order-in-progress = Your order { $reference } is in progress
order-ready = Your order { $reference } is ready for pickup
order-delivered = Your order { $reference } has been delivered
order-cancelled = Your order { $reference } has been cancelled
order-about = { $reference }: { $title }
order-note = Note from { $business }: { $note }
order-see = See the order:
order-button = View your order
order-footer = You get this email because { $business } is handling this order for you.

# The code that proves a visitor's email before a booking is made.
booking-code-subject = { $code } is your { $business } booking code
booking-code-heading = Confirm your booking
booking-code-intro = Type this code on { $business }’s booking page to confirm your email address and book:
booking-code-expiry = It works for { $minutes } minutes. If you did not ask to book, ignore this email: nothing is booked without the code.
