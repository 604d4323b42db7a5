# Wie bezahlt wurde, auf Quittungen und PDFs.
method-bank-transfer = Überweisung
method-cash = Bar
method-card = Karte
method-other = Sonstiges
method-stripe = Karte (Stripe)
method-paystack = Karte (Paystack)

# Angebote und Rechnungen.
pdf-quote = Angebot
pdf-invoice = Rechnung
pdf-continued = { $kind } { $number } (Fortsetzung)
pdf-bill-to = Rechnungsempfänger
pdf-issue-date = Rechnungsdatum
pdf-due-date = Fällig am
pdf-valid-until = Gültig bis
pdf-revision = Version
pdf-description = Beschreibung
pdf-qty = Menge
pdf-unit-price = Einzelpreis
pdf-tax = MwSt.
pdf-discount = Rabatt
pdf-amount = Betrag
pdf-subtotal = Zwischensumme
pdf-tax-rate = MwSt. { $rate }
pdf-total = Gesamt
pdf-paid = Bezahlt { $label }
pdf-amount-due = Offener Betrag
pdf-notes = Anmerkungen
pdf-page = Seite { $page } von { $pages }
stamp-paid = Bezahlt
stamp-void = Storniert
stamp-overdue = Überfällig
stamp-accepted = Angenommen
stamp-declined = Abgelehnt
stamp-expired = Abgelaufen

# Unterschriebene Verträge.
pdf-contract = Vertrag
pdf-contract-continued = { $title } (Fortsetzung)
pdf-client = Kunde
pdf-audit = Prüfprotokoll
pdf-signature = Unterschrift
pdf-typed-signature = Getippte Unterschrift
pdf-drawn-signature = Handschriftliche Unterschrift
pdf-drawn-png = Handschriftliche Unterschrift (PNG) hinterlegt – SHA-256 { $hash }
pdf-signed-by = Unterschrieben von
pdf-email = E-Mail
pdf-signed-at = Unterschrieben am
pdf-ip = IP-Adresse
pdf-user-agent = Browser (User-Agent)
pdf-typed-name = getippter Name
pdf-drawn-by-hand = von Hand gezeichnet
pdf-sha = SHA-256 des unterschriebenen Texts
pdf-countersigned-by = Gegengezeichnet von
pdf-countersigned-for = { $name } für { $business }
pdf-countersigned-at = Gegengezeichnet am
