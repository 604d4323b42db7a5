# How a payment was made, on receipts and PDFs.
method-bank-transfer = Bank transfer
method-cash = Cash
method-card = Card
method-other = Other
method-stripe = Card (Stripe)
method-paystack = Card (Paystack)

# Quotes and invoices.
pdf-quote = Quote
pdf-invoice = Invoice
pdf-continued = { $kind } { $number } (continued)
pdf-bill-to = Bill to
pdf-issue-date = Issue date
pdf-due-date = Due date
pdf-valid-until = Valid until
pdf-revision = Revision
pdf-description = Description
pdf-qty = Qty
pdf-unit-price = Unit price
pdf-tax = Tax
pdf-discount = Discount
pdf-amount = Amount
pdf-subtotal = Subtotal
pdf-tax-rate = Tax { $rate }
pdf-total = Total
pdf-paid = Paid { $label }
pdf-amount-due = Amount due
pdf-notes = Notes
pdf-page = Page { $page } of { $pages }
stamp-paid = Paid
stamp-void = Void
stamp-overdue = Overdue
stamp-accepted = Accepted
stamp-declined = Declined
stamp-expired = Expired

# Signed contracts.
pdf-contract = Contract
pdf-contract-continued = { $title } (continued)
pdf-client = Client
pdf-audit = Audit trail
pdf-signature = Signature
pdf-typed-signature = Typed signature
pdf-drawn-signature = Drawn signature
pdf-drawn-png = Drawn signature (PNG) on file — SHA-256 { $hash }
pdf-signed-by = Signed by
pdf-email = Email
pdf-signed-at = Signed at
pdf-ip = IP address
pdf-user-agent = User agent
pdf-typed-name = typed name
pdf-drawn-by-hand = drawn by hand
pdf-sha = SHA-256 of the signed text
pdf-countersigned-by = Countersigned by
pdf-countersigned-for = { $name } for { $business }
pdf-countersigned-at = Countersigned at
