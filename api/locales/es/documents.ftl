# Cómo se pagó, en recibos y PDF.
method-bank-transfer = Transferencia bancaria
method-cash = Efectivo
method-card = Tarjeta
method-other = Otro
method-stripe = Tarjeta (Stripe)
method-paystack = Tarjeta (Paystack)

# Presupuestos y facturas.
pdf-quote = Presupuesto
pdf-invoice = Factura
pdf-continued = { $kind } { $number } (continuación)
pdf-bill-to = Facturar a
pdf-issue-date = Fecha de emisión
pdf-due-date = Vencimiento
pdf-valid-until = Válido hasta
pdf-revision = Versión
pdf-description = Descripción
pdf-qty = Cant.
pdf-unit-price = Precio unitario
pdf-tax = IVA
pdf-discount = Descuento
pdf-amount = Importe
pdf-subtotal = Subtotal
pdf-tax-rate = IVA { $rate }
pdf-total = Total
pdf-paid = Pagado { $label }
pdf-amount-due = Importe pendiente
pdf-notes = Notas
pdf-page = Página { $page } de { $pages }
stamp-paid = Pagada
stamp-void = Anulada
stamp-overdue = Vencida
stamp-accepted = Aceptado
stamp-declined = Rechazado
stamp-expired = Caducado

# Contratos firmados.
pdf-contract = Contrato
pdf-contract-continued = { $title } (continuación)
pdf-client = Cliente
pdf-audit = Registro de auditoría
pdf-signature = Firma
pdf-typed-signature = Firma escrita
pdf-drawn-signature = Firma manuscrita
pdf-drawn-png = Firma manuscrita (PNG) archivada — SHA-256 { $hash }
pdf-signed-by = Firmado por
pdf-email = Correo electrónico
pdf-signed-at = Firmado el
pdf-ip = Dirección IP
pdf-user-agent = Navegador (user agent)
pdf-typed-name = nombre escrito
pdf-drawn-by-hand = trazada a mano
pdf-sha = SHA-256 del texto firmado
pdf-countersigned-by = Contrafirmado por
pdf-countersigned-for = { $name } en nombre de { $business }
pdf-countersigned-at = Contrafirmado el
