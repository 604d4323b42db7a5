# Hinweise zu laufender Arbeit, an Kunden und an das Team.
quoted = „{ $text }“
button-open-project = Projekt öffnen

# Ergebnisse.
deliverable-ready-heading = „{ $title }“ ist bereit für Ihre Prüfung
deliverable-ready-line = „{ $title }“ in { $project } ist bereit für Ihre Prüfung.
deliverable-ready-round = Dies ist Runde { $round }: Ihre gewünschten Änderungen sind eingearbeitet.
deliverable-ready-first = Sehen Sie es sich an und geben Sie es frei – oder sagen Sie uns, was sich ändern soll.
deliverable-ready-button = Jetzt prüfen
deliverable-approved-heading = { $client } hat „{ $title }“ freigegeben
deliverable-changes-heading = { $client } wünscht Änderungen an „{ $title }“
deliverable-context = Projekt: { $project } · Runde { $round }

# Rechnungen und Zahlungen.
invoice-sent-heading = Rechnung { $number }: { $title }
invoice-sent-line = { $amount } sind bis zum { $due } fällig.
invoice-sent-button = Rechnung ansehen
receipt-heading = Zahlung für Rechnung { $number } erhalten
receipt-line = Wir haben { $amount } erhalten ({ $method }). Rechnung { $number } ist damit vollständig bezahlt.
receipt-total = Insgesamt bezahlt: { $total }. Vielen Dank!
receipt-button = Quittung ansehen

# Angebote.
quote-sent-heading = Angebot { $number }: { $title }
quote-sent-heading-revised = Überarbeitetes Angebot { $number }: { $title }
quote-sent-line = { $business } hat Ihnen ein Angebot für { $title } geschickt.
quote-sent-total = Gesamt: { $total }
quote-sent-until = Sie können es bis zum { $date } annehmen.
quote-sent-button = Angebot ansehen
quote-accepted-heading = { $client } hat Angebot { $number } angenommen
quote-changes-heading = { $client } wünscht Änderungen an Angebot { $number }
quote-declined-heading = { $client } hat Angebot { $number } abgelehnt
quote-context = { $title } · Version { $revision } · { $total }
quote-project-started = Daraus wurde das Projekt „{ $title }“ gestartet.
quote-project-added = Seine Positionen wurden dem Projekt „{ $project }“ als Aufgaben hinzugefügt.
quote-open-button = Angebot öffnen

# Dateien.
file-uploaded-heading = { $client } hat eine Datei hochgeladen
file-uploaded-project = Projekt: { $project }
file-uploaded-file = Datei: { $name } ({ $size })

# Anmelde-E-Mail-Adressen, die sich ändern.
email-confirm-heading = Bestätigen Sie Ihre neue E-Mail-Adresse
staff-email-code = Geben Sie diesen Code in der Konsole ein, um { $email } zu Ihrer Anmeldeadresse zu machen: { $code }
email-code-expiry = Er läuft in { $minutes } Minuten ab. Geben Sie ihn niemals weiter.
email-code-ignore = Sie haben das nicht angefordert? Dann ignorieren Sie diese E-Mail: Es ändert sich nichts.
email-changed-heading = Ihre Anmeldeadresse wurde geändert
staff-email-changed = { $name } meldet sich jetzt mit { $email } in der Konsole von { $business } an.
email-changed-old = Mit dieser Adresse ist keine Anmeldung mehr möglich.
staff-email-changed-warn = Waren Sie das nicht? Informieren Sie sofort den Inhaber des Unternehmens.
client-email-changed-heading = Ihre E-Mail-Adresse für das Portal von { $business } wurde geändert
client-email-changed = { $who } hat die E-Mail-Adresse, mit der Sie sich im Kundenportal von { $business } anmelden, in { $email } geändert.
client-email-changed-old = Mit dieser Adresse ist keine Anmeldung mehr möglich, und alle angemeldeten Geräte wurden abgemeldet.
client-email-changed-warn = Haben Sie das nicht veranlasst? Antworten Sie { $business } oder melden Sie sich umgehend dort.
client-email-code = Geben Sie diesen Code im Portal von { $business } ein, um { $email } zu Ihrer Anmeldeadresse zu machen: { $code }
client-email-self-changed = Sie melden sich im Kundenportal von { $business } jetzt mit { $email } an.
client-email-self-changed-old = Mit dieser Adresse ist keine Anmeldung mehr möglich, und Ihre anderen Geräte wurden abgemeldet.
who-integration = Eine Integration ({ $name })
who-someone = Jemand aus dem Unternehmen

# Nachrichten.
message-from-client-heading = { $client } hat in „{ $thread }“ geschrieben
message-to-client-heading = Neue Nachricht in „{ $thread }“
message-to-client-button = Lesen und antworten
message-attachments = { $count ->
    [one] Angehängt: { $names }
   *[other] { $count } Dateien angehängt: { $names }
  }

# Webhooks.
webhook-failing-heading = Ein Webhook-Endpunkt schlägt fehl: { $url }
webhook-failing-line = Wir haben etwa einen Tag lang { $attempts }-mal versucht, { $event } (Nachricht { $message }) zuzustellen, ohne erfolgreiche Antwort.
webhook-failing-last = Der letzte Versuch: { $error }
webhook-failing-next = Ereignisse werden weiterhin gesendet; nach dem nächsten Erfolg gilt der Endpunkt wieder als funktionsfähig. Beheben Sie den Fehler am Endpunkt und senden Sie das Fehlgeschlagene dann aus seinem Zustellprotokoll erneut.
webhook-failing-button = Webhooks öffnen

# Termine.
appointment-cancelled-heading = Termin abgesagt
appointment-cancelled-line = Ihr Termin „{ $service }“ am { $when } ist abgesagt.
appointment-client-cancelled-heading = Ein Kunde hat abgesagt
appointment-client-cancelled-line = { $client } hat den Termin „{ $service }“ am { $when } abgesagt.
appointment-moved-heading = Termin verschoben
appointment-moved-line = Ihr Termin „{ $service }“ wurde vom { $from } auf den { $to } verschoben.
appointment-client-moved-heading = Ein Kunde hat einen Termin verschoben
appointment-client-moved-line = { $client } hat den Termin „{ $service }“ vom { $from } auf den { $to } verschoben.
appointment-reason = Grund: { $reason }

# Verträge.
contract-sent-heading = { $business } hat Ihnen einen Vertrag zum Unterschreiben geschickt
contract-sent-line = „{ $title }“ liegt in Ihrem Portal für Sie bereit.
contract-sent-how = Lesen Sie ihn in Ruhe durch und unterschreiben Sie dann mit Ihrem Namen oder von Hand.
contract-sent-button = Lesen und unterschreiben
contract-signed-heading = Sie haben „{ $title }“ unterschrieben
contract-signed-thanks = Vielen Dank, { $signer }. Ihr unterschriebenes Exemplar hängt an dieser E-Mail und bleibt in Ihrem Portal.
contract-hash = SHA-256 des unterschriebenen Texts: { $sha }
contract-open-button = Vertrag öffnen
contract-client-signed-heading = { $client } hat „{ $title }“ unterschrieben
contract-client-signed-line = Unterschrieben von { $signer } ({ $email }). Das unterschriebene PDF ist angehängt.
contract-countersign-waits = Er wartet auf Ihre Gegenzeichnung.
contract-nothing-more = Es ist nichts weiter zu tun.

# Feedback.
feedback-asked-heading = Wie lief { $project }?
feedback-asked-line = Wir würden gern erfahren, wie das Projekt für Sie gelaufen ist.
feedback-asked-how = Vergeben Sie 1 bis 5 Sterne und sagen Sie uns gern, warum. Es dauert nur eine Minute.
feedback-asked-button = Projekt bewerten
feedback-rated-heading = { $client } hat { $project } mit { $rating } von 5 bewertet

# Formulareinsendungen.
form-submission-heading = Neue Einsendung: { $title }
form-new-lead = { $sender } ist ein neuer Interessent: noch kein Kunde und ohne Portalzugang, bis Sie ihn umwandeln.
form-lead-again = { $sender } hat erneut geschrieben und ist weiterhin Interessent ({ $name }).
form-claimed-email = { $sender } hat die E-Mail-Adresse Ihres Kunden { $name } verwendet, aber ein Formular beweist nicht, wer es abgeschickt hat: Dies ist ein neuer Interessent mit dem Vermerk „E-Mail nicht bestätigt“. An { $name } wurde nichts geändert.
form-yes = Ja
form-no = Nein
form-open-client = Kunden öffnen

# Die Zeitleiste des Kunden im Portal.
timeline-order-received = Auftrag { $reference } ist eingegangen: { $title }.
timeline-project-created = Neues Projekt: { $project }.
timeline-project-planned = Projekt { $project } ist geplant.
timeline-project-active = Projekt { $project } läuft.
timeline-project-on-hold = Projekt { $project } ist pausiert.
timeline-project-completed = Projekt { $project } ist abgeschlossen.
timeline-project-cancelled = Projekt { $project } wurde abgebrochen.
timeline-deliverable-ready = „{ $title }“ in { $project } ist bereit für Ihre Prüfung.
timeline-deliverable-approved = „{ $title }“ in { $project } wurde freigegeben.
timeline-deliverable-changes = Für „{ $title }“ in { $project } wurden Änderungen angefordert.
timeline-file = Neue Datei in { $project }: { $file }.
timeline-message = Neue Nachricht in „{ $thread }“ ({ $project }).
timeline-feedback-asked = Wie lief { $project }? Wir freuen uns über Ihr Feedback.
timeline-feedback-thanks = Danke, dass Sie { $project } bewertet haben.

# Der Verlauf eines Termins im Portal.
history-booked = Gebucht für { $when }
history-moved = Verschoben vom { $from } auf den { $to }
history-confirmed = Bestätigt
history-cancelled-by-you = Von Ihnen abgesagt
history-cancelled-by-you-why = Von Ihnen abgesagt: { $reason }
history-cancelled-by = Von { $business } abgesagt
history-cancelled-by-why = Von { $business } abgesagt: { $reason }
history-completed = Abgeschlossen
history-no-show = Als versäumt markiert
history-updated = Details geändert

# Buchungen: jede Änderung, dem Kunden und dem Mitarbeiter mitgeteilt.
button-console = In der Konsole öffnen
appointment-requested-heading = Buchungsanfrage erhalten
appointment-requested-line = Wir haben Ihre Anfrage für „{ $service }“ am { $when } erhalten.
appointment-requested-wait = Das Unternehmen bestätigt sie in Kürze; Sie erhalten dann eine weitere E-Mail.
appointment-booked-heading = Termin gebucht
appointment-booked-line = Ihr Termin „{ $service }“ ist für den { $when } gebucht.
appointment-staff-booked-heading = Neue Buchung
appointment-staff-booked-line = { $client } hat „{ $service }“ für den { $when } gebucht.
appointment-staff-requested-line = { $client } fragt „{ $service }“ am { $when } an. Bestätigen Sie die Anfrage in der Konsole.
appointment-confirmed-heading = Termin bestätigt
appointment-confirmed-line = Ihr Termin „{ $service }“ am { $when } ist bestätigt.
appointment-staff-confirmed-line = Der Termin „{ $service }“ von { $client } am { $when } ist bestätigt.
appointment-staff-moved-line = Der Termin „{ $service }“ von { $client } wurde vom { $from } auf den { $to } verschoben.
appointment-staff-cancelled-line = Der Termin „{ $service }“ von { $client } am { $when } ist abgesagt.
appointment-completed-heading = Vielen Dank für Ihren Besuch
appointment-completed-line = Ihr Termin „{ $service }“ am { $when } ist abgeschlossen. Im Portal können Sie eine Bewertung abgeben.
appointment-staff-completed-heading = Termin abgeschlossen
appointment-staff-completed-line = Der Termin „{ $service }“ von { $client } am { $when } ist als abgeschlossen markiert.
appointment-reminder-heading = Ihr Termin steht bevor
appointment-reminder-line = Zur Erinnerung: Ihr Termin „{ $service }“ ist am { $when }.
appointment-with = Mit { $staff }.
appointment-where = Ort: { $location }
appointment-sms = { $business }: { $line } { $link }
