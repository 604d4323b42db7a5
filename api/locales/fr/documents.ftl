# Mode de paiement, sur les reçus et les PDF.
method-bank-transfer = Virement bancaire
method-cash = Espèces
method-card = Carte
method-other = Autre
method-stripe = Carte (Stripe)
method-paystack = Carte (Paystack)

# Devis et factures.
pdf-quote = Devis
pdf-invoice = Facture
pdf-continued = { $kind } { $number } (suite)
pdf-bill-to = Facturer à
pdf-issue-date = Date d'émission
pdf-due-date = Échéance
pdf-valid-until = Valable jusqu'au
pdf-revision = Version
pdf-description = Désignation
pdf-qty = Qté
pdf-unit-price = Prix unitaire
pdf-tax = TVA
pdf-discount = Remise
pdf-amount = Montant
pdf-subtotal = Sous-total
pdf-tax-rate = TVA { $rate }
pdf-total = Total
pdf-paid = Payé { $label }
pdf-amount-due = Reste à payer
pdf-notes = Remarques
pdf-page = Page { $page } sur { $pages }
stamp-paid = Payée
stamp-void = Annulée
stamp-overdue = En retard
stamp-accepted = Accepté
stamp-declined = Refusé
stamp-expired = Expiré

# Contrats signés.
pdf-contract = Contrat
pdf-contract-continued = { $title } (suite)
pdf-client = Client
pdf-audit = Piste d'audit
pdf-signature = Signature
pdf-typed-signature = Signature saisie
pdf-drawn-signature = Signature manuscrite
pdf-drawn-png = Signature manuscrite (PNG) conservée — SHA-256 { $hash }
pdf-signed-by = Signé par
pdf-email = E-mail
pdf-signed-at = Signé le
pdf-ip = Adresse IP
pdf-user-agent = Navigateur (user agent)
pdf-typed-name = nom saisi
pdf-drawn-by-hand = tracée à la main
pdf-sha = SHA-256 du texte signé
pdf-countersigned-by = Contresigné par
pdf-countersigned-for = { $name } pour { $business }
pdf-countersigned-at = Contresigné le
