# Die Anmelde-E-Mail und die SMS.
login-subject = { $code } ist Ihr Anmeldecode für { $business }
login-heading = Ihr Anmeldecode
login-intro = Ihr Anmeldecode für { $business } lautet:
login-expiry = Er läuft in { $minutes ->
    [one] { $minutes } Minute
   *[other] { $minutes } Minuten
  } ab (um { $time }).
login-link-intro = Oder melden Sie sich über diesen Link an (Sie bestätigen vorher noch einmal):
login-button = Bei { $business } anmelden
login-footer = Sie haben keine Anmeldung angefordert? Dann ignorieren Sie diese E-Mail: Ohne den Code oder den Link kann sich niemand anmelden.
login-sms = { $code } ist Ihr Anmeldecode für { $business }. Er läuft in { $minutes } Minuten ab. Geben Sie ihn niemals weiter.

# Einladungen ins Portal oder in die Konsole.
invitation-subject = { $business } hat Sie zu { $what } eingeladen
invitation-line = { $business } hat Sie zu { $what } eingeladen.
invitation-what-portal = Ihrem Kundenportal
invitation-what-owner = der Zusammenarbeit in Portico als Inhaber
invitation-what-admin = der Zusammenarbeit in Portico als Administrator
invitation-what-member = der Zusammenarbeit in Portico als Teammitglied
invitation-heading = Hallo { $name }
invitation-link-intro = Melden Sie sich über diesen Link an (er gilt { $days } Tage, und Sie bestätigen vorher noch einmal):
invitation-later = Später melden Sie sich mit Ihrer E-Mail-Adresse an und erhalten jedes Mal einen Code. Ein Passwort brauchen Sie nicht.
invitation-button = { $business } öffnen
invitation-footer = Die Schaltfläche funktioniert { $days } Tage lang. { $later }

# Was am Ende jeder E-Mail steht.
greeting = Hallo { $name },
footer-portal = Gesendet von { $business } über sein Kundenportal.
footer-notice = Gesendet über das Kundenportal von { $business }.
footer-security = Gesendet über das Kundenportal von { $business }. Dies ist ein Sicherheitshinweis und lässt sich nicht abbestellen.
footer-personal = Von { $sender } ({ $business }) über das Kundenportal an Sie geschrieben.
opt-out-line = Sie erhalten diese E-Mail, weil Sie ein Konto in diesem Kundenportal haben. Sie können diese Hinweise in Ihrem Profil abbestellen; Anmeldecodes, Rechnungen und Quittungen erhalten Sie weiterhin.
opt-out-link = E-Mail-Einstellungen
button-portal = Portal öffnen

# Aufträge.
order-received = Ihr Auftrag { $reference } ist eingegangen
order-in-progress = Ihr Auftrag { $reference } wird bearbeitet
order-ready = Ihr Auftrag { $reference } liegt zur Abholung bereit
order-delivered = Ihr Auftrag { $reference } wurde ausgeliefert
order-cancelled = Ihr Auftrag { $reference } wurde storniert
order-about = { $reference }: { $title }
order-note = Hinweis von { $business }: { $note }
order-see = Zum Auftrag:
order-button = Auftrag ansehen
order-footer = Sie erhalten diese E-Mail, weil { $business } diesen Auftrag für Sie bearbeitet.

# Der Code, mit dem Besucher ihre E-Mail-Adresse vor einer Buchung bestätigen.
booking-code-subject = { $code } ist Ihr Buchungscode für { $business }
booking-code-heading = Buchung bestätigen
booking-code-intro = Geben Sie diesen Code auf der Buchungsseite von { $business } ein, um Ihre E-Mail-Adresse zu bestätigen und zu buchen:
booking-code-expiry = Er gilt { $minutes } Minuten. Wenn Sie nichts buchen wollten, ignorieren Sie diese E-Mail: Ohne den Code wird nichts gebucht.
