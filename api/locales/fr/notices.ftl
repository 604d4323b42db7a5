# Notifications sur le travail en cours, aux clients et à l'équipe.
quoted = « { $text } »
button-open-project = Ouvrir le projet

# Livrables.
deliverable-ready-heading = « { $title } » est prêt pour votre relecture
deliverable-ready-line = « { $title } » dans { $project } est prêt pour votre relecture.
deliverable-ready-round = Voici la version { $round } : elle intègre les modifications demandées.
deliverable-ready-first = Jetez-y un œil, puis approuvez-le ou dites-nous ce qui doit changer.
deliverable-ready-button = Le relire
deliverable-approved-heading = { $client } a approuvé « { $title } »
deliverable-changes-heading = { $client } demande des modifications sur « { $title } »
deliverable-context = Projet : { $project } · version { $round }

# Factures et paiements.
invoice-sent-heading = Facture { $number } : { $title }
invoice-sent-line = { $amount } à régler avant le { $due }.
invoice-sent-button = Voir la facture
receipt-heading = Paiement reçu pour la facture { $number }
receipt-line = Nous avons reçu { $amount } ({ $method }). La facture { $number } est désormais entièrement réglée.
receipt-total = Total payé : { $total }. Merci !
receipt-button = Voir le reçu

# Devis.
quote-sent-heading = Devis { $number } : { $title }
quote-sent-heading-revised = Devis révisé { $number } : { $title }
quote-sent-line = { $business } vous a envoyé un devis pour { $title }.
quote-sent-total = Total : { $total }
quote-sent-until = Vous pouvez l'accepter jusqu'au { $date }.
quote-sent-button = Voir le devis
quote-accepted-heading = { $client } a accepté le devis { $number }
quote-changes-heading = { $client } demande des modifications au devis { $number }
quote-declined-heading = { $client } a refusé le devis { $number }
quote-context = { $title } · version { $revision } · { $total }
quote-project-started = Le projet « { $title } » a été lancé à partir de ce devis.
quote-project-added = Ses lignes ont été ajoutées comme tâches au projet « { $project } ».
quote-open-button = Ouvrir le devis

# Fichiers.
file-uploaded-heading = { $client } a déposé un fichier
file-uploaded-project = Projet : { $project }
file-uploaded-file = Fichier : { $name } ({ $size })

# Changement d'adresse de connexion.
email-confirm-heading = Confirmez votre nouvelle adresse e-mail
staff-email-code = Saisissez ce code dans la console pour utiliser { $email } comme adresse de connexion : { $code }
email-code-expiry = Il expire dans { $minutes } minutes. Ne le communiquez à personne.
email-code-ignore = Si vous n'avez rien demandé, ignorez cet e-mail : rien ne change.
email-changed-heading = Votre adresse de connexion a été modifiée
staff-email-changed = { $name } se connecte désormais à la console de { $business } avec { $email }.
email-changed-old = Cette adresse ne permet plus de s'y connecter.
staff-email-changed-warn = Si ce n'est pas vous, prévenez immédiatement le propriétaire de l'entreprise.
client-email-changed-heading = Votre adresse e-mail pour le portail de { $business } a été modifiée
client-email-changed = { $who } a remplacé l'adresse avec laquelle vous vous connectez au portail client de { $business } par { $email }.
client-email-changed-old = Cette adresse ne permet plus de se connecter, et tous les appareils connectés ont été déconnectés.
client-email-changed-warn = Si vous n'avez rien demandé, répondez à { $business } ou contactez-les sans attendre.
client-email-code = Saisissez ce code dans le portail de { $business } pour utiliser { $email } comme adresse de connexion : { $code }
client-email-self-changed = Vous vous connectez désormais au portail client de { $business } avec { $email }.
client-email-self-changed-old = Cette adresse ne permet plus de se connecter, et vos autres appareils ont été déconnectés.
who-integration = Une intégration ({ $name })
who-someone = Quelqu'un de l'entreprise

# Messages.
message-from-client-heading = { $client } a écrit dans « { $thread } »
message-to-client-heading = Nouveau message dans « { $thread } »
message-to-client-button = Lire et répondre
message-attachments = { $count ->
    [one] Pièce jointe : { $names }
   *[other] { $count } pièces jointes : { $names }
  }

# Webhooks.
webhook-failing-heading = Un point de terminaison webhook est en échec : { $url }
webhook-failing-line = Nous avons essayé de livrer { $event } (message { $message }) pendant environ une journée, { $attempts } fois, sans réponse positive.
webhook-failing-last = Dernière tentative : { $error }
webhook-failing-next = Les événements continuent de lui être envoyés, et il sera de nouveau considéré comme opérationnel après sa prochaine réussite. Corrigez le point de terminaison, puis renvoyez ce qui a échoué depuis son journal de livraison.
webhook-failing-button = Ouvrir les webhooks

# Rendez-vous.
appointment-cancelled-heading = Rendez-vous annulé
appointment-cancelled-line = Votre rendez-vous « { $service } » du { $when } est annulé.
appointment-client-cancelled-heading = Un client a annulé
appointment-client-cancelled-line = { $client } a annulé son rendez-vous « { $service } » du { $when }.
appointment-moved-heading = Rendez-vous déplacé
appointment-moved-line = Votre rendez-vous « { $service } » a été déplacé du { $from } au { $to }.
appointment-client-moved-heading = Un client a déplacé un rendez-vous
appointment-client-moved-line = { $client } a déplacé son rendez-vous « { $service } » du { $from } au { $to }.
appointment-reason = Motif : { $reason }

# Contrats.
contract-sent-heading = { $business } vous a envoyé un contrat à signer
contract-sent-line = « { $title } » vous attend dans votre portail.
contract-sent-how = Lisez-le attentivement, puis signez-le en tapant votre nom ou à la main.
contract-sent-button = Lire et signer
contract-signed-heading = Vous avez signé « { $title } »
contract-signed-thanks = Merci, { $signer }. Votre exemplaire signé est joint à cet e-mail et reste disponible dans votre portail.
contract-hash = SHA-256 du texte signé : { $sha }
contract-open-button = Ouvrir le contrat
contract-client-signed-heading = { $client } a signé « { $title } »
contract-client-signed-line = Signé par { $signer } ({ $email }). Le PDF signé est joint.
contract-countersign-waits = Il attend votre contre-signature.
contract-nothing-more = Aucune autre action n'est nécessaire.

# Avis.
feedback-asked-heading = Comment s'est passé { $project } ?
feedback-asked-line = Nous aimerions savoir comment le projet s'est déroulé pour vous.
feedback-asked-how = Donnez-lui de 1 à 5 étoiles et, si vous le souhaitez, dites-nous pourquoi. Cela ne prend qu'une minute.
feedback-asked-button = Noter le projet
feedback-rated-heading = { $client } a donné { $rating } sur 5 à { $project }

# Formulaires.
form-submission-heading = Nouvelle réponse : { $title }
form-new-lead = { $sender } est un nouveau prospect : pas encore client, et sans accès au portail tant que vous ne l'avez pas converti.
form-lead-again = { $sender } a de nouveau écrit ; c'est toujours un prospect ({ $name }).
form-claimed-email = { $sender } a utilisé l'adresse e-mail de votre client { $name }, mais un formulaire ne prouve pas qui l'a envoyé : il s'agit d'un nouveau prospect marqué « e-mail non vérifié ». Rien n'a été modifié pour { $name }.
form-yes = Oui
form-no = Non
form-open-client = Ouvrir la fiche client

# Le fil d'actualité du client dans le portail.
timeline-order-received = La commande { $reference } a été reçue : { $title }.
timeline-project-created = Nouveau projet : { $project }.
timeline-project-planned = Le projet { $project } est planifié.
timeline-project-active = Le projet { $project } est en cours.
timeline-project-on-hold = Le projet { $project } est en pause.
timeline-project-completed = Le projet { $project } est terminé.
timeline-project-cancelled = Le projet { $project } a été annulé.
timeline-deliverable-ready = « { $title } » dans { $project } est prêt pour votre relecture.
timeline-deliverable-approved = « { $title } » dans { $project } a été approuvé.
timeline-deliverable-changes = Des modifications ont été demandées sur « { $title } » dans { $project }.
timeline-file = Nouveau fichier dans { $project } : { $file }.
timeline-message = Nouveau message dans « { $thread } » ({ $project }).
timeline-feedback-asked = Comment s'est passé { $project } ? Votre avis nous intéresse.
timeline-feedback-thanks = Merci d'avoir noté { $project }.

# L'historique d'un rendez-vous dans le portail.
history-booked = Réservé pour le { $when }
history-moved = Déplacé du { $from } au { $to }
history-confirmed = Confirmé
history-cancelled-by-you = Annulé par vous
history-cancelled-by-you-why = Annulé par vous : { $reason }
history-cancelled-by = Annulé par { $business }
history-cancelled-by-why = Annulé par { $business } : { $reason }
history-completed = Terminé
history-no-show = Marqué comme manqué
history-updated = Détails modifiés

# Réservations : chaque changement, annoncé au client et au membre de l’équipe.
button-console = Ouvrir dans la console
appointment-requested-heading = Demande de réservation reçue
appointment-requested-line = Nous avons bien reçu votre demande pour « { $service } » le { $when }.
appointment-requested-wait = L’entreprise la confirmera bientôt ; vous recevrez alors un autre e-mail.
appointment-booked-heading = Rendez-vous réservé
appointment-booked-line = Votre rendez-vous « { $service } » est réservé pour le { $when }.
appointment-staff-booked-heading = Nouvelle réservation
appointment-staff-booked-line = { $client } a réservé « { $service } » pour le { $when }.
appointment-staff-requested-line = { $client } demande « { $service } » le { $when }. Confirmez-le dans la console.
appointment-confirmed-heading = Rendez-vous confirmé
appointment-confirmed-line = Votre rendez-vous « { $service } » du { $when } est confirmé.
appointment-staff-confirmed-line = Le rendez-vous « { $service } » de { $client } le { $when } est confirmé.
appointment-staff-moved-line = Le rendez-vous « { $service } » de { $client } a été déplacé du { $from } au { $to }.
appointment-staff-cancelled-line = Le rendez-vous « { $service } » de { $client } le { $when } est annulé.
appointment-completed-heading = Merci de votre visite
appointment-completed-line = Votre rendez-vous « { $service } » du { $when } est terminé. Vous pouvez laisser un avis dans le portail.
appointment-staff-completed-heading = Rendez-vous terminé
appointment-staff-completed-line = Le rendez-vous « { $service } » de { $client } le { $when } est marqué comme terminé.
appointment-reminder-heading = Votre rendez-vous approche
appointment-reminder-line = Petit rappel : votre rendez-vous « { $service } » a lieu le { $when }.
appointment-with = Avec { $staff }.
appointment-where = Lieu : { $location }
appointment-sms = { $business } : { $line } { $link }
