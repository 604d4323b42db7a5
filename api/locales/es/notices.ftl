# Avisos sobre el trabajo en curso, a clientes y al equipo.
quoted = «{ $text }»
button-open-project = Abrir el proyecto

# Entregables.
deliverable-ready-heading = «{ $title }» está listo para que lo revises
deliverable-ready-line = «{ $title }» en { $project } está listo para que lo revises.
deliverable-ready-round = Esta es la ronda { $round }: incluye los cambios que pediste.
deliverable-ready-first = Échale un vistazo y apruébalo, o dinos qué debería cambiar.
deliverable-ready-button = Revisarlo
deliverable-approved-heading = { $client } ha aprobado «{ $title }»
deliverable-changes-heading = { $client } ha pedido cambios en «{ $title }»
deliverable-context = Proyecto: { $project } · ronda { $round }

# Facturas y pagos.
invoice-sent-heading = Factura { $number }: { $title }
invoice-sent-line = Tienes que pagar { $amount } antes del { $due }.
invoice-sent-button = Ver la factura
receipt-heading = Pago recibido de la factura { $number }
receipt-line = Hemos recibido { $amount } ({ $method }). La factura { $number } ya está pagada por completo.
receipt-total = Total pagado: { $total }. ¡Gracias!
receipt-button = Ver el recibo

# Presupuestos.
quote-sent-heading = Presupuesto { $number }: { $title }
quote-sent-heading-revised = Presupuesto revisado { $number }: { $title }
quote-sent-line = { $business } te ha enviado un presupuesto para { $title }.
quote-sent-total = Total: { $total }
quote-sent-until = Puedes aceptarlo hasta el { $date }.
quote-sent-button = Ver el presupuesto
quote-accepted-heading = { $client } ha aceptado el presupuesto { $number }
quote-changes-heading = { $client } ha pedido cambios en el presupuesto { $number }
quote-declined-heading = { $client } ha rechazado el presupuesto { $number }
quote-context = { $title } · versión { $revision } · { $total }
quote-project-started = A partir de él se ha iniciado el proyecto «{ $title }».
quote-project-added = Sus líneas se han añadido como tareas al proyecto «{ $project }».
quote-open-button = Abrir el presupuesto

# Archivos.
file-uploaded-heading = { $client } ha subido un archivo
file-uploaded-project = Proyecto: { $project }
file-uploaded-file = Archivo: { $name } ({ $size })

# Cambios del correo de acceso.
email-confirm-heading = Confirma tu nueva dirección de correo
staff-email-code = Introduce este código en la consola para usar { $email } como correo de acceso: { $code }
email-code-expiry = Caduca en { $minutes } minutos. No lo compartas con nadie.
email-code-ignore = Si no lo has pedido tú, ignora este correo: no cambiará nada.
email-changed-heading = Se ha cambiado tu correo de acceso
staff-email-changed = { $name } ahora inicia sesión en la consola de { $business } con { $email }.
email-changed-old = Con esta dirección ya no se puede iniciar sesión.
staff-email-changed-warn = Si no has sido tú, avisa de inmediato al propietario del negocio.
client-email-changed-heading = Se ha cambiado tu correo del portal de { $business }
client-email-changed = { $who } ha cambiado el correo con el que inicias sesión en el portal de clientes de { $business } a { $email }.
client-email-changed-old = Con esta dirección ya no se puede iniciar sesión, y se ha cerrado la sesión en todos los dispositivos.
client-email-changed-warn = Si no lo has pedido tú, responde a { $business } o ponte en contacto con ellos cuanto antes.
client-email-code = Introduce este código en el portal de { $business } para usar { $email } como correo de acceso: { $code }
client-email-self-changed = Ahora accedes al portal de clientes de { $business } con { $email }.
client-email-self-changed-old = Esta dirección ya no permite acceder, y se ha cerrado la sesión en tus otros dispositivos.
who-integration = Una integración ({ $name })
who-someone = Alguien del negocio

# Mensajes.
message-from-client-heading = { $client } ha escrito en «{ $thread }»
message-to-client-heading = Nuevo mensaje en «{ $thread }»
message-to-client-button = Leer y responder
message-attachments = { $count ->
    [one] Adjunto: { $names }
   *[other] { $count } archivos adjuntos: { $names }
  }

# Webhooks.
webhook-failing-heading = Un endpoint de webhook está fallando: { $url }
webhook-failing-line = Hemos intentado entregar { $event } (mensaje { $message }) durante casi un día, { $attempts } veces, sin una respuesta correcta.
webhook-failing-last = El último intento: { $error }
webhook-failing-next = Se le siguen enviando eventos, y volverá a considerarse operativo tras su próxima entrega correcta. Corrige el endpoint y reenvía lo que falló desde su registro de entregas.
webhook-failing-button = Abrir webhooks

# Citas.
appointment-cancelled-heading = Cita cancelada
appointment-cancelled-line = Tu cita de { $service } del { $when } se ha cancelado.
appointment-client-cancelled-heading = Un cliente ha cancelado
appointment-client-cancelled-line = { $client } ha cancelado su cita de { $service } del { $when }.
appointment-moved-heading = Cita cambiada
appointment-moved-line = Tu cita de { $service } ha pasado del { $from } al { $to }.
appointment-client-moved-heading = Un cliente ha cambiado una cita
appointment-client-moved-line = { $client } ha cambiado su cita de { $service } del { $from } al { $to }.
appointment-reason = Motivo: { $reason }

# Contratos.
contract-sent-heading = { $business } te ha enviado un contrato para firmar
contract-sent-line = «{ $title }» te espera en tu portal.
contract-sent-how = Léelo con calma y fírmalo escribiendo tu nombre o a mano.
contract-sent-button = Leer y firmar
contract-signed-heading = Has firmado «{ $title }»
contract-signed-thanks = Gracias, { $signer }. Tu copia firmada va adjunta a este correo y sigue disponible en tu portal.
contract-hash = SHA-256 del texto firmado: { $sha }
contract-open-button = Abrir el contrato
contract-client-signed-heading = { $client } ha firmado «{ $title }»
contract-client-signed-line = Firmado por { $signer } ({ $email }). El PDF firmado va adjunto.
contract-countersign-waits = Está pendiente de tu contrafirma.
contract-nothing-more = No hace falta nada más.

# Opiniones.
feedback-asked-heading = ¿Qué tal ha ido { $project }?
feedback-asked-line = Nos encantaría saber cómo te ha ido el proyecto.
feedback-asked-how = Puntúalo de 1 a 5 estrellas y, si quieres, cuéntanos por qué. Solo te llevará un minuto.
feedback-asked-button = Valorar el proyecto
feedback-rated-heading = { $client } ha puntuado { $project } con { $rating } de 5

# Formularios.
form-submission-heading = Nuevo envío: { $title }
form-new-lead = { $sender } es un nuevo contacto potencial: aún no es cliente y no tiene acceso al portal hasta que lo conviertas.
form-lead-again = { $sender } ha vuelto a escribir; sigue siendo un contacto potencial ({ $name }).
form-claimed-email = { $sender } ha usado el correo de tu cliente { $name }, pero un formulario no demuestra quién lo ha enviado: es un nuevo contacto potencial marcado como «correo no verificado». No se ha cambiado nada de { $name }.
form-yes = Sí
form-no = No
form-open-client = Abrir el cliente

# La actividad del cliente en el portal.
timeline-order-received = Hemos recibido el pedido { $reference }: { $title }.
timeline-project-created = Nuevo proyecto: { $project }.
timeline-project-planned = El proyecto { $project } está planificado.
timeline-project-active = El proyecto { $project } está en marcha.
timeline-project-on-hold = El proyecto { $project } está en pausa.
timeline-project-completed = El proyecto { $project } está terminado.
timeline-project-cancelled = El proyecto { $project } se ha cancelado.
timeline-deliverable-ready = «{ $title }» en { $project } está listo para que lo revises.
timeline-deliverable-approved = «{ $title }» en { $project } se ha aprobado.
timeline-deliverable-changes = Se han pedido cambios en «{ $title }» en { $project }.
timeline-file = Nuevo archivo en { $project }: { $file }.
timeline-message = Nuevo mensaje en «{ $thread }» ({ $project }).
timeline-feedback-asked = ¿Qué tal ha ido { $project }? Nos encantará conocer tu opinión.
timeline-feedback-thanks = Gracias por valorar { $project }.

# El historial de una cita en el portal.
history-booked = Reservada para el { $when }
history-moved = Cambiada del { $from } al { $to }
history-confirmed = Confirmada
history-cancelled-by-you = Cancelada por ti
history-cancelled-by-you-why = Cancelada por ti: { $reason }
history-cancelled-by = Cancelada por { $business }
history-cancelled-by-why = Cancelada por { $business }: { $reason }
history-completed = Completada
history-no-show = Marcada como no presentada
history-updated = Detalles actualizados

# Reservas: cada cambio, comunicado al cliente y al miembro del equipo.
button-console = Abrir en la consola
appointment-requested-heading = Solicitud de reserva recibida
appointment-requested-line = Hemos recibido tu solicitud de { $service } para el { $when }.
appointment-requested-wait = El negocio la confirmará pronto; entonces recibirás otro correo.
appointment-booked-heading = Cita reservada
appointment-booked-line = Tu cita de { $service } está reservada para el { $when }.
appointment-staff-booked-heading = Nueva reserva
appointment-staff-booked-line = { $client } ha reservado { $service } para el { $when }.
appointment-staff-requested-line = { $client } solicita { $service } para el { $when }. Confírmala en la consola.
appointment-confirmed-heading = Cita confirmada
appointment-confirmed-line = Tu cita de { $service } del { $when } está confirmada.
appointment-staff-confirmed-line = La cita de { $service } de { $client } del { $when } está confirmada.
appointment-staff-moved-line = La cita de { $service } de { $client } se ha movido del { $from } al { $to }.
appointment-staff-cancelled-line = La cita de { $service } de { $client } del { $when } se ha cancelado.
appointment-completed-heading = Gracias por tu visita
appointment-completed-line = Tu cita de { $service } del { $when } ha terminado. Puedes dejar una reseña en el portal.
appointment-staff-completed-heading = Cita completada
appointment-staff-completed-line = La cita de { $service } de { $client } del { $when } está marcada como completada.
appointment-reminder-heading = Tu cita se acerca
appointment-reminder-line = Un recordatorio: tu cita de { $service } es el { $when }.
appointment-with = Con { $staff }.
appointment-where = Lugar: { $location }
appointment-sms = { $business }: { $line } { $link }
