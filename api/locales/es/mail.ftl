# El correo y el SMS de inicio de sesión.
login-subject = { $code } es tu código de acceso a { $business }
login-heading = Tu código de acceso
login-intro = Tu código de acceso a { $business } es:
login-expiry = Caduca en { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
  } (a las { $time }).
login-link-intro = También puedes abrir este enlace para iniciar sesión (antes te pedirá que lo confirmes):
login-button = Iniciar sesión en { $business }
login-footer = Si no has pedido iniciar sesión, ignora este correo: nadie puede entrar sin el código o el enlace.
login-sms = { $code } es tu código de acceso a { $business }. Caduca en { $minutes } minutos. No lo compartas con nadie.

# Invitaciones al portal o a la consola.
invitation-subject = { $business } te ha invitado a { $what }
invitation-line = { $business } te ha invitado a { $what }.
invitation-what-portal = tu portal de cliente
invitation-what-owner = trabajar con su equipo en Portico como propietario
invitation-what-admin = trabajar con su equipo en Portico como administrador
invitation-what-member = trabajar con su equipo en Portico como miembro
invitation-heading = Hola, { $name }
invitation-link-intro = Abre este enlace para iniciar sesión (funciona durante { $days } días y antes te pedirá que lo confirmes):
invitation-later = Más adelante, inicia sesión con tu dirección de correo: recibirás un código cada vez. No hay contraseña que recordar.
invitation-button = Abrir { $business }
invitation-footer = El botón funciona durante { $days } días. { $later }

# Lo que dice cada correo al final.
greeting = Hola, { $name }:
footer-portal = Enviado por { $business } a través de su portal de clientes.
footer-notice = Enviado desde el portal de clientes de { $business }.
footer-security = Enviado desde el portal de clientes de { $business }. Es un aviso de seguridad y no se puede desactivar.
footer-personal = Escrito por { $sender } de { $business } a través de su portal de clientes.
opt-out-line = Recibes este correo porque tienes una cuenta en este portal de clientes. Puedes desactivar estos avisos en tu perfil; los códigos de acceso, las facturas y los recibos te seguirán llegando.
opt-out-link = Preferencias de correo
button-portal = Abrir el portal

# Pedidos.
order-received = Hemos recibido tu pedido { $reference }
order-in-progress = Tu pedido { $reference } está en curso
order-ready = Tu pedido { $reference } está listo para recoger
order-delivered = Tu pedido { $reference } ha sido entregado
order-cancelled = Tu pedido { $reference } ha sido cancelado
order-about = { $reference }: { $title }
order-note = Nota de { $business }: { $note }
order-see = Ver el pedido:
order-button = Ver tu pedido
order-footer = Recibes este correo porque { $business } está gestionando este pedido para ti.

# El código que confirma el correo de un visitante antes de reservar.
booking-code-subject = { $code } es tu código de reserva de { $business }
booking-code-heading = Confirma tu reserva
booking-code-intro = Escribe este código en la página de reservas de { $business } para confirmar tu correo y reservar:
booking-code-expiry = Es válido durante { $minutes } minutos. Si no querías reservar, ignora este correo: sin el código no se reserva nada.
