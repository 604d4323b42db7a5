# L'e-mail et le SMS de connexion.
login-subject = { $code } est votre code de connexion à { $business }
login-heading = Votre code de connexion
login-intro = Votre code de connexion à { $business } est :
login-expiry = Il expire dans { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
  } (à { $time }).
login-link-intro = Vous pouvez aussi ouvrir ce lien pour vous connecter (une confirmation vous sera demandée) :
login-button = Se connecter à { $business }
login-footer = Vous n'avez pas demandé à vous connecter ? Ignorez cet e-mail : personne ne peut se connecter sans le code ou le lien.
login-sms = { $code } est votre code de connexion à { $business }. Il expire dans { $minutes } minutes. Ne le communiquez à personne.

# Invitations au portail ou à la console.
invitation-subject = { $business } vous invite à rejoindre { $what }
invitation-line = { $business } vous invite à rejoindre { $what }.
invitation-what-portal = votre portail client
invitation-what-owner = son équipe sur Portico en tant que propriétaire
invitation-what-admin = son équipe sur Portico en tant qu'administrateur
invitation-what-member = son équipe sur Portico en tant que membre
invitation-heading = Bonjour { $name }
invitation-link-intro = Ouvrez ce lien pour vous connecter (il est valable { $days } jours et une confirmation vous sera demandée) :
invitation-later = Ensuite, connectez-vous avec votre adresse e-mail : vous recevrez un code à chaque fois. Aucun mot de passe à retenir.
invitation-button = Ouvrir { $business }
invitation-footer = Le bouton est valable { $days } jours. { $later }

# La fin de chaque e-mail.
greeting = Bonjour { $name },
footer-portal = Envoyé par { $business } via son portail client.
footer-notice = Envoyé par le portail client de { $business }.
footer-security = Envoyé par le portail client de { $business }. Ceci est une alerte de sécurité ; elle ne peut pas être désactivée.
footer-personal = Écrit par { $sender } de { $business } via son portail client.
opt-out-line = Vous recevez cet e-mail car vous avez un compte sur ce portail client. Désactivez ces notifications dans votre profil ; les codes de connexion, factures et reçus vous seront toujours envoyés.
opt-out-link = Préférences e-mail
button-portal = Ouvrir le portail

# Commandes.
order-received = Votre commande { $reference } a bien été reçue
order-in-progress = Votre commande { $reference } est en cours
order-ready = Votre commande { $reference } est prête à être retirée
order-delivered = Votre commande { $reference } a été livrée
order-cancelled = Votre commande { $reference } a été annulée
order-about = { $reference } : { $title }
order-note = Note de { $business } : { $note }
order-see = Voir la commande :
order-button = Voir votre commande
order-footer = Vous recevez cet e-mail car { $business } traite cette commande pour vous.

# Le code qui confirme l’adresse d’un visiteur avant sa réservation.
booking-code-subject = { $code } est votre code de réservation { $business }
booking-code-heading = Confirmez votre réservation
booking-code-intro = Saisissez ce code sur la page de réservation de { $business } pour confirmer votre adresse e-mail et réserver :
booking-code-expiry = Il est valable { $minutes } minutes. Si vous n’avez rien demandé, ignorez cet e-mail : rien n’est réservé sans le code.
