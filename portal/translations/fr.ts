/** The receive page and the portal's pages in French. @module */
import type { PortalCatalogue } from "../messages.ts";

const fr: PortalCatalogue = {
  "frame.account": "Compte",
  "frame.signOut": "Se déconnecter",
  "frame.footer":
    "Chiffrement de bout en bout : les fichiers sont déchiffrés dans votre navigateur.",
  "frame.language": "Langue",
  "frame.change": "Changer",
  "receive.title": "Fichiers sécurisés",
  "receive.opening": "Ouverture du paquet…",
  "receive.decrypted": "Vos fichiers sont déchiffrés dans ce navigateur.",
  "receive.noscript":
    "Cette page nécessite JavaScript : les fichiers sont déchiffrés dans votre navigateur.",
  "api.tooMany": "Trop de requêtes. Patientez quelques minutes.",
  "api.unknownPackage": "Ce paquet a expiré ou a été supprimé, ou le lien est erroné.",
  "api.wrongKey":
    "La clé du lien ne correspond pas à ce paquet : le lien est incomplet ou a été modifié.",
  "api.noCode": "Ce paquet ne s’ouvre pas avec un code.",
  "api.enterEmail": "Saisissez une adresse e-mail.",
  "api.tooManyCodes":
    "Trop de codes ont été demandés. Réessayez dans {minutes, plural, one {# minute} other {# minutes}}.",
  "api.codeSent":
    "Si {email} est autorisée à ouvrir ces fichiers, un code de vérification à 6 chiffres vient de lui être envoyé. Il est valable {minutes, plural, one {# minute} other {# minutes}}.",
  "api.tooManyTries": "Trop de tentatives. Patientez quelques minutes.",
  "api.codeWrong": "Ce code est incorrect. Vérifiez le dernier e-mail reçu et réessayez.",
  "api.codeVoid": "Trop de codes erronés : ce code ne fonctionne plus. Demandez-en un nouveau.",
  "api.codeExpired": "Ce code a expiré. Demandez-en un nouveau.",
  "api.codeMissing": "Ce code ne fonctionne plus. Demandez-en un nouveau.",
  "state.incomplete": "Le lien est incomplet",
  "state.invalid": "Ce lien n’est pas valide",
  "state.missingKey":
    "La clé qui déchiffre les fichiers manque dans le lien : c’est la partie qui suit #keyCode=. Copiez le lien entier depuis le message reçu et ouvrez-le à nouveau.",
  "state.badLink":
    "Ce lien est endommagé. Copiez le lien entier depuis le message reçu et ouvrez-le à nouveau.",
  "state.gone": "Ces fichiers ne sont plus disponibles",
  "state.goneText":
    "Le paquet a expiré ou a été supprimé par son expéditeur. Demandez à l’expéditeur de renvoyer les fichiers.",
  "state.wrongKey": "Ce lien n’ouvre pas ces fichiers",
  "state.wrongKeyText":
    "La clé du lien ne correspond pas au paquet : le lien est incomplet ou a été modifié. Copiez le lien entier depuis le message reçu et ouvrez-le à nouveau.",
  "state.error": "Un problème est survenu",
  "state.tryAgain": "Réessayer",
  "state.signin": "Connectez-vous pour ouvrir ces fichiers",
  "state.signinText":
    "Ces fichiers ont été envoyés via un formulaire du centre d’aide. Seuls les agents autorisés pour ce formulaire peuvent les ouvrir : connectez-vous avec votre compte Padlock.",
  "state.signinButton": "Se connecter",
  "state.forbidden": "Vous n’êtes pas autorisé à ouvrir ces fichiers",
  "state.forbiddenText":
    "Vous êtes connecté en tant que {email}, qui n’est pas autorisé à ouvrir ce paquet. Connectez-vous en tant qu’autre agent ou demandez l’accès à l’expéditeur.",
  "state.anAgent": "un agent",
  "state.switchUser": "Se connecter avec un autre compte",
  "files.download": "Télécharger",
  "files.cancel": "Annuler",
  "files.downloading": "Téléchargement et déchiffrement…",
  "files.downloadingPercent": "Téléchargement et déchiffrement… {percent} %",
  "files.reconnecting": "Reconnexion…",
  "files.saved": "Enregistré dans vos téléchargements.",
  "files.cancelled": "Annulé.",
  "files.downloadAgain": "Télécharger à nouveau",
  "files.downloadAll": "Tout télécharger",
  "files.cancelAll": "Tout annuler",
  "files.count":
    "{count, plural, one {# fichier vous a été envoyé} other {# fichiers vous ont été envoyés}}",
  "files.until": "Disponible jusqu’au {date}.",
  "files.decrypted":
    "Les fichiers sont déchiffrés dans ce navigateur ; le serveur ne les détient jamais que chiffrés.",
  "files.empty": "Ce paquet ne contient aucun fichier.",
  "verify.sendCode": "Envoyer le code",
  "verify.email": "Adresse e-mail",
  "verify.emailHint": "Utilisez l’adresse à laquelle les fichiers ont été envoyés.",
  "verify.enterEmail": "Saisissez une adresse e-mail.",
  "verify.title": "Vérifiez votre adresse e-mail",
  "verify.intro":
    "L’expéditeur demande aux destinataires de confirmer leur identité. Nous vous envoyons par e-mail un code de vérification à 6 chiffres.",
  "verify.verify": "Vérifier",
  "verify.resend": "Envoyer un nouveau code",
  "verify.other": "Utiliser une autre adresse",
  "verify.code": "Code de vérification",
  "verify.remember": "Mémoriser ce navigateur pendant 30 jours",
  "verify.enterCode": "Saisissez les 6 chiffres reçus par e-mail.",
  "verify.codeTitle": "Saisissez votre code",
  "api.unreachable": "Le service est injoignable. Vérifiez votre connexion et réessayez.",
  "api.unreadable": "Le service a renvoyé une réponse illisible.",
  "api.refused": "Le service a refusé la requête.",
  "size.B": "{size} o",
  "size.KB": "{size} Ko",
  "size.MB": "{size} Mo",
  "size.GB": "{size} Go",
  "size.TB": "{size} To",
  "page.refused": "Requête refusée",
  "page.refusedForeign": "Ce formulaire a été envoyé depuis un autre site et a été refusé.",
  "page.refusedExpired": "Le formulaire a expiré. Rechargez la page et réessayez.",
  "page.signin.title": "Connexion",
  "page.signin.heading": "Se connecter à Padlock",
  "page.signin.intro":
    "Les agents se connectent pour ouvrir les fichiers envoyés via le centre d’aide et pour connecter l’application Zendesk.",
  "page.signin.newHere":
    "Vous êtes nouveau ? {link} avec l’adresse e-mail enregistrée par votre administrateur, puis revenez ici.",
  "page.signin.activateLink": "Activez votre compte",
  "page.signin.email": "E-mail",
  "page.signin.password": "Mot de passe",
  "page.signin.submit": "Se connecter",
  "page.signin.activateOrReset": "Activer votre compte ou réinitialiser votre mot de passe",
  "page.signin.throttled":
    "Trop de tentatives de connexion ont échoué. Réessayez dans {minutes, plural, one {# minute} other {# minutes}}.",
  "page.signin.wrong": "L’e-mail ou le mot de passe est incorrect.",
  "page.account.title": "Votre compte",
  "page.account.signedInAs": "Connecté en tant que {email}.",
  "page.account.revoked":
    "La clé a été révoquée. Les applications qui l’utilisent sont déconnectées.",
  "page.account.keys": "Clés API",
  "page.account.keysIntro":
    "Chaque clé permet à une application d’agir en votre nom, par exemple l’application Zendesk une fois que vous l’avez autorisée. Révoquez les clés que vous n’utilisez plus.",
  "page.account.noKeys": "Vous n’avez aucune clé API.",
  "page.account.description": "Description",
  "page.account.created": "Créée le",
  "page.account.noDescription": "(sans description)",
  "page.account.revoke": "Révoquer",
  "page.account.keyNotFound": "Clé introuvable",
  "page.account.keyNotFoundText": "Cette clé n’existe pas ou a déjà été révoquée.",
  "page.activate.title": "Activer votre compte",
  "page.activate.intro":
    "Votre administrateur a créé votre compte Padlock. Saisissez son adresse e-mail et nous vous enverrons un lien pour choisir votre mot de passe. Le même lien permet de réinitialiser un mot de passe oublié.",
  "page.activate.send": "Envoyer le lien",
  "page.activate.back": "Retour à la connexion",
  "page.activate.used":
    "Ce lien d’activation a déjà été utilisé ou a expiré. Demandez-en un nouveau ci-dessous.",
  "page.activate.tooMany": "Trop de liens ont été demandés. Patientez un moment et réessayez.",
  "page.activate.sent":
    "Si {email} possède un compte Padlock, un lien pour choisir son mot de passe est en route. Consultez votre messagerie.",
  "page.password.title": "Choisissez votre mot de passe",
  "page.password.intro":
    "Pour {email}. Utilisez au moins {min, plural, one {# caractère} other {# caractères}} ; quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.",
  "page.password.new": "Nouveau mot de passe",
  "page.password.repeat": "Confirmez-le",
  "page.password.submit": "Définir le mot de passe et se connecter",
  "page.password.differ": "Les deux mots de passe sont différents.",
  "page.password.tooShort":
    "Choisissez un mot de passe d’au moins {min, plural, one {# caractère} other {# caractères}}.",
  "page.password.tooLong":
    "Choisissez un mot de passe d’au plus {max, plural, one {# caractère} other {# caractères}}.",
  "page.connect.title": "Autoriser l’application Zendesk",
  "page.connect.heading": "Autoriser « {name} » à utiliser votre compte ?",
  "page.connect.checkCode": "Vérifiez que l’application Zendesk affiche le même code :",
  "page.connect.explain":
    "Si vous l’autorisez, l’application pourra envoyer et ouvrir des fichiers chiffrés en tant que {email} jusqu’à ce que vous révoquiez sa clé sur la page de votre compte. Ne l’autorisez que si vous venez vous-même de cliquer sur « Se connecter » ou « Activer un nouveau compte » dans l’application Zendesk.",
  "page.connect.allow": "Autoriser",
  "page.connect.deny": "Refuser",
  "page.connect.badCode": "Ce code ne fonctionne pas",
  "page.connect.badCodeText":
    "Le code est erroné, a déjà été utilisé ou a expiré (les codes sont valables 10 minutes). Recommencez depuis l’application Zendesk.",
  "page.connect.tooMany": "Trop de codes erronés",
  "page.connect.tooManyText":
    "Patientez dix minutes, puis recommencez depuis l’application Zendesk.",
  "page.connect.connectedTitle": "Application Zendesk connectée",
  "page.connect.connected": "L’application Zendesk est connectée",
  "page.connect.connectedText": "Retournez dans Zendesk : l’application se connecte d’elle-même.",
  "page.connect.deniedTitle": "Accès refusé",
  "page.connect.denied": "Vous avez refusé l’accès",
  "page.connect.deniedText": "L’application Zendesk n’a pas reçu l’accès. Retournez dans Zendesk.",
  "page.connect.closeHint": "Cet onglet se ferme tout seul. S’il reste ouvert, fermez-le.",
  "page.outbox.title": "Boîte d’envoi",
  "page.outbox.intro":
    "Développement uniquement : les e-mails que le service aurait envoyés (aucun serveur SMTP n’est configuré).",
  "page.outbox.empty": "Aucun e-mail pour l’instant.",
  "page.outbox.to": "À {to} · {date}",
  "guard.integrityTitle": "Ces fichiers ne peuvent pas être ouverts ici en toute sécurité",
  "guard.integrity":
    "Le code de Padlock ici diffère de sa version publiée : il n’a donc pas été exécuté.",
  "sso.signInWith": "Se connecter avec {provider}",
  "sso.orPassword": "Ou connectez-vous avec votre mot de passe Padlock :",
  "sso.onlyProvider": "Votre entreprise vous connecte via {provider}.",
  "sso.passwordsOff":
    "Les mots de passe sont désactivés pour ce service : connectez-vous avec {provider}.",
  "sso.refusedTitle": "Connexion refusée",
  "sso.stateUsed":
    "Cette connexion a déjà été utilisée, a expiré ou a été commencée dans un autre navigateur. Recommencez.",
  "sso.providerRefused":
    "{provider} ne vous a pas connecté. Si votre compte d'entreprise a été désactivé, vous n'avez plus accès à Padlock.",
  "sso.tokenInvalid":
    "La réponse de {provider} n'a pas pu être vérifiée : vous n'avez pas été connecté. Réessayez ; si l'échec persiste, prévenez votre administrateur.",
  "sso.unavailable": "{provider} est injoignable. Réessayez dans quelques minutes.",
  "sso.noAccount":
    "{email} n'a pas de compte Padlock. Demandez à votre administrateur de vous ajouter.",
  "sso.unverified":
    "{provider} n'a pas confirmé votre adresse e-mail : elle ne peut pas être associée à un compte Padlock.",
  "sso.deactivated": "Le compte Padlock de {email} est désactivé. Contactez votre administrateur.",
  "sso.otherSubject":
    "{email} est lié à un autre compte {provider}. Contactez votre administrateur.",
  "sso.startAgain": "Se reconnecter",
  // Issue 13: the account page's dropzone settings.
  "page.dropzones.heading": "Zones de dépôt",
  "page.dropzones.intro":
    "Les fichiers déposés dans vos zones de dépôt (par exemple via le formulaire du Centre d'aide) suivent ces réglages. Laissez un champ vide pour garder la limite du service.",
  "page.dropzones.name": "Zone de dépôt {id}",
  "page.dropzones.extensions": "Extensions de fichier autorisées",
  "page.dropzones.extensionsHint":
    "Séparées par des virgules, par exemple pdf, png. Vide : tous les fichiers.",
  "page.dropzones.maxFileSize": "Taille maximale d'un fichier",
  "page.dropzones.maxFileSizeHint": "Par exemple 25 MB. Vide : la limite du service.",
  "page.dropzones.lifeDays": "Durée de vie des colis en jours",
  "page.dropzones.lifeDaysHint": "De 1 à 365. Vide : la valeur par défaut du service.",
  "page.dropzones.senderDomainAccess":
    "Accès par domaine de l'expéditeur : les personnes dont l'adresse e-mail a le domaine de l'expéditeur peuvent ouvrir les fichiers après avoir vérifié leur adresse",
  "page.dropzones.save": "Enregistrer les réglages",
  "page.dropzones.saved": "Les réglages de la zone de dépôt ont été enregistrés.",
  "page.dropzones.badExtensions":
    "Écrivez les extensions avec des lettres et des chiffres uniquement, par exemple pdf, png. Rien n'a été modifié.",
  "page.dropzones.badSize":
    "Écrivez la taille maximale sous forme de taille, par exemple 25 MB. Rien n'a été modifié.",
  "page.dropzones.badLife":
    "La durée de vie doit être un nombre entier de jours entre 1 et 365. Rien n'a été modifié.",
  "page.dropzones.notFound": "Zone de dépôt introuvable",
  "page.dropzones.notFoundText":
    "Seul le propriétaire d'une zone de dépôt peut modifier ses réglages.",
  "upload.title": "Envoyer des fichiers en toute sécurité",
  "upload.intro":
    "Les fichiers que vous choisissez sont chiffrés dans ce navigateur avant d’être envoyés : seule l’équipe d’assistance peut les ouvrir.",
  "upload.noscript":
    "Cette page nécessite JavaScript : les fichiers sont chiffrés dans votre navigateur.",
  "upload.choose": "Choisissez des fichiers ou déposez-les ici",
  "upload.send": "Envoyer les fichiers",
  "upload.sending": "Chiffrement et envoi des fichiers…",
  "upload.sentTitle": "Fichiers envoyés",
  "upload.sent": "Vos fichiers ont été envoyés en toute sécurité. Vous pouvez fermer cette page.",
  "upload.failed": "Les fichiers n’ont pas pu être envoyés. Vérifiez votre connexion et réessayez.",
  "upload.goneTitle": "Ce lien ne fonctionne plus",
  "upload.gone":
    "Ce lien d’envoi a expiré ou est erroné. Demandez-en un nouveau à l’équipe d’assistance.",
  "upload.badLink":
    "Ce lien d’envoi est incomplet : copiez le lien entier du message dans la barre d’adresse.",
  // Issue 13: a keyless link from a ticket note; files the upload page refuses.
  "state.keyInAppTitle": "Ouvrez ces fichiers depuis le ticket",
  "state.keyInApp":
    "Ce lien n'a pas de clé, volontairement : le service ne l'a jamais. Ouvrez les fichiers depuis l'application dans la barre latérale du ticket n° {ticket}, qui a la clé.",
  "upload.refusedExtension":
    "Non ajouté : seuls les fichiers se terminant par {extensions} peuvent être envoyés ici.",
  "upload.refusedSize":
    "Non ajouté : seuls les fichiers de {size} au plus peuvent être envoyés ici.",
  "upload.listSeparator": ", ",
  // Issue 13: the upload notice setting.
  "page.dropzones.notifyUploads":
    "Prévenir par e-mail : les agents de la zone de dépôt reçoivent un e-mail à chaque nouvel envoi (il indique le ticket et ne contient jamais la clé)",
};

export default fr;
