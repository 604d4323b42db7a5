# Notices about work in progress, to clients and to staff.
quoted = “{ $text }”
button-open-project = Open the project

# Deliverables.
deliverable-ready-heading = “{ $title }” is ready for your review
deliverable-ready-line = “{ $title }” in { $project } is ready for your review.
deliverable-ready-round = This is round { $round }: it takes in the changes you asked for.
deliverable-ready-first = Have a look, then approve it or tell us what should change.
deliverable-ready-button = Review it
deliverable-approved-heading = { $client } approved “{ $title }”
deliverable-changes-heading = { $client } requested changes to “{ $title }”
deliverable-context = Project: { $project } · round { $round }

# Invoices and payments.
invoice-sent-heading = Invoice { $number }: { $title }
invoice-sent-line = { $amount } is due by { $due }.
invoice-sent-button = View the invoice
receipt-heading = Payment received for invoice { $number }
receipt-line = We received { $amount } ({ $method }). Invoice { $number } is now paid in full.
receipt-total = Total paid: { $total }. Thank you!
receipt-button = View the receipt

# Quotes.
quote-sent-heading = Quote { $number }: { $title }
quote-sent-heading-revised = Revised quote { $number }: { $title }
quote-sent-line = { $business } sent you a quote for { $title }.
quote-sent-total = Total: { $total }
quote-sent-until = You can accept it until { $date }.
quote-sent-button = View the quote
quote-accepted-heading = { $client } accepted quote { $number }
quote-changes-heading = { $client } asked for changes to quote { $number }
quote-declined-heading = { $client } declined quote { $number }
quote-context = { $title } · revision { $revision } · { $total }
quote-project-started = The project “{ $title }” was started from it.
quote-project-added = Its lines were added as tasks to the project “{ $project }”.
quote-open-button = Open the quote

# Files.
file-uploaded-heading = { $client } uploaded a file
file-uploaded-project = Project: { $project }
file-uploaded-file = File: { $name } ({ $size })

# Login emails that change.
email-confirm-heading = Confirm your new email address
staff-email-code = Enter this code in the console to make { $email } your login email: { $code }
email-code-expiry = It expires in { $minutes } minutes. Never share it.
email-code-ignore = If you did not ask for this, ignore this email: nothing changes.
email-changed-heading = Your login email was changed
staff-email-changed = { $name } now logs in to the { $business } console with { $email }.
email-changed-old = This address can no longer log in to it.
staff-email-changed-warn = If you did not do this, tell the business's owner at once.
client-email-changed-heading = Your { $business } portal email was changed
client-email-changed = { $who } changed the email you log in to { $business }'s client portal with, to { $email }.
client-email-changed-old = This address can no longer log in, and every device that was logged in has been logged out.
client-email-changed-warn = If you did not ask for this, reply to { $business } or contact them at once.
client-email-code = Enter this code in { $business }'s portal to make { $email } your login email: { $code }
client-email-self-changed = You now log in to { $business }'s client portal with { $email }.
client-email-self-changed-old = This address can no longer log in, and your other devices have been logged out.
who-integration = An integration ({ $name })
who-someone = Someone at the business

# Messages.
message-from-client-heading = { $client } wrote in “{ $thread }”
message-to-client-heading = New message in “{ $thread }”
message-to-client-button = Read and reply
message-attachments = { $count ->
    [one] Attached: { $names }
   *[other] { $count } files attached: { $names }
  }

# Webhooks.
webhook-failing-heading = A webhook endpoint is failing: { $url }
webhook-failing-line = We tried to deliver { $event } (message { $message }) for about a day, { $attempts } times, without a successful answer.
webhook-failing-last = The last attempt: { $error }
webhook-failing-next = Events are still sent to it, and it counts as healthy again after its next success. Fix the endpoint, then resend what failed from its delivery log.
webhook-failing-button = Open webhooks

# Appointments.
appointment-cancelled-heading = Appointment cancelled
appointment-cancelled-line = Your { $service } on { $when } is cancelled.
appointment-client-cancelled-heading = A client cancelled
appointment-client-cancelled-line = { $client } cancelled their { $service } on { $when }.
appointment-moved-heading = Appointment moved
appointment-moved-line = Your { $service } moved from { $from } to { $to }.
appointment-client-moved-heading = A client moved an appointment
appointment-client-moved-line = { $client } moved their { $service } from { $from } to { $to }.
appointment-reason = Reason: { $reason }

# Contracts.
contract-sent-heading = { $business } sent you a contract to sign
contract-sent-line = “{ $title }” is ready for you in your portal.
contract-sent-how = Read it through, then sign it with your name or your own hand.
contract-sent-button = Read and sign
contract-signed-heading = You signed “{ $title }”
contract-signed-thanks = Thank you, { $signer }. Your signed copy is attached to this email, and stays in your portal.
contract-hash = SHA-256 of the signed text: { $sha }
contract-open-button = Open the contract
contract-client-signed-heading = { $client } signed “{ $title }”
contract-client-signed-line = Signed by { $signer } ({ $email }). The signed PDF is attached.
contract-countersign-waits = It waits for your countersignature.
contract-nothing-more = Nothing more is needed.

# Feedback.
feedback-asked-heading = How did { $project } go?
feedback-asked-line = We would love to hear how the project went for you.
feedback-asked-how = Rate it from 1 to 5 stars and, if you like, tell us why. It takes a minute.
feedback-asked-button = Rate the project
feedback-rated-heading = { $client } rated { $project } { $rating } of 5

# Form submissions.
form-submission-heading = New submission: { $title }
form-new-lead = { $sender } is a new lead: not yet a client, and without portal access until you convert them.
form-lead-again = { $sender } wrote again; they are still a lead ({ $name }).
form-claimed-email = { $sender } used the email of your client { $name }, but a form does not prove who sent it: this is a new lead marked "email not verified". Nothing about { $name } was changed.
form-yes = Yes
form-no = No
form-open-client = Open the client

# The client's timeline on the portal dashboard.
timeline-order-received = Order { $reference } was received: { $title }.
timeline-project-created = New project: { $project }.
timeline-project-planned = Project { $project } is planned.
timeline-project-active = Project { $project } is under way.
timeline-project-on-hold = Project { $project } is on hold.
timeline-project-completed = Project { $project } is completed.
timeline-project-cancelled = Project { $project } was cancelled.
timeline-deliverable-ready = “{ $title }” in { $project } is ready for your review.
timeline-deliverable-approved = “{ $title }” in { $project } was approved.
timeline-deliverable-changes = Changes were requested to “{ $title }” in { $project }.
timeline-file = New file in { $project }: { $file }.
timeline-message = New message in “{ $thread }” ({ $project }).
timeline-feedback-asked = How did { $project } go? Your feedback is welcome.
timeline-feedback-thanks = Thank you for rating { $project }.

# An appointment's history in the portal.
history-booked = Booked for { $when }
history-moved = Moved from { $from } to { $to }
history-confirmed = Confirmed
history-cancelled-by-you = Cancelled by you
history-cancelled-by-you-why = Cancelled by you: { $reason }
history-cancelled-by = Cancelled by { $business }
history-cancelled-by-why = Cancelled by { $business }: { $reason }
history-completed = Completed
history-no-show = Marked as missed
history-updated = Details updated

# Bookings: every change, told to the client and to the staff member.
button-console = Open in the console
appointment-requested-heading = Booking request received
appointment-requested-line = We received your request for { $service } on { $when }.
appointment-requested-wait = The business confirms it soon; you will get another email then.
appointment-booked-heading = Appointment booked
appointment-booked-line = Your { $service } is booked for { $when }.
appointment-staff-booked-heading = New booking
appointment-staff-booked-line = { $client } booked { $service } for { $when }.
appointment-staff-requested-line = { $client } asks for { $service } on { $when }. Confirm it in the console.
appointment-confirmed-heading = Appointment confirmed
appointment-confirmed-line = Your { $service } on { $when } is confirmed.
appointment-staff-confirmed-line = { $client }’s { $service } on { $when } is confirmed.
appointment-staff-moved-line = { $client }’s { $service } moved from { $from } to { $to }.
appointment-staff-cancelled-line = { $client }’s { $service } on { $when } is cancelled.
appointment-completed-heading = Thank you for your visit
appointment-completed-line = Your { $service } on { $when } is done. You can leave a review in the portal.
appointment-staff-completed-heading = Appointment completed
appointment-staff-completed-line = { $client }’s { $service } on { $when } is marked completed.
appointment-reminder-heading = Your appointment is coming up
appointment-reminder-line = A reminder: your { $service } is on { $when }.
appointment-with = With { $staff }.
appointment-where = Where: { $location }
appointment-sms = { $business }: { $line } { $link }
