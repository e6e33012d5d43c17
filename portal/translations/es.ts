/** The receive page and the portal's pages in Spanish. @module */
import type { PortalCatalogue } from "../messages.ts";

const es: PortalCatalogue = {
  "frame.account": "Cuenta",
  "frame.signOut": "Cerrar sesión",
  "frame.footer": "Cifrado de extremo a extremo: los archivos se descifran en su navegador.",
  "frame.language": "Idioma",
  "frame.change": "Cambiar",
  "receive.title": "Archivos seguros",
  "receive.opening": "Abriendo el paquete…",
  "receive.decrypted": "Sus archivos se descifran en este navegador.",
  "receive.noscript": "Esta página necesita JavaScript: los archivos se descifran en su navegador.",
  "api.tooMany": "Demasiadas solicitudes. Espere unos minutos.",
  "api.unknownPackage": "Este paquete ha caducado o se ha eliminado, o el enlace es incorrecto.",
  "api.wrongKey":
    "La clave del enlace no corresponde a este paquete: el enlace está incompleto o ha sido alterado.",
  "api.noCode": "Este paquete no se abre con un código.",
  "api.enterEmail": "Introduzca una dirección de correo electrónico.",
  "api.tooManyCodes":
    "Se han pedido demasiados códigos. Vuelva a intentarlo dentro de {minutes, plural, one {# minuto} other {# minutos}}.",
  "api.codeSent":
    "Si {email} puede abrir estos archivos, le hemos enviado un código de verificación de 6 dígitos. Es válido durante {minutes, plural, one {# minuto} other {# minutos}}.",
  "api.tooManyTries": "Demasiados intentos. Espere unos minutos.",
  "api.codeWrong": "Este código no es correcto. Revise el último correo e inténtelo de nuevo.",
  "api.codeVoid": "Demasiados códigos incorrectos: este código ya no funciona. Pida uno nuevo.",
  "api.codeExpired": "Este código ha caducado. Pida uno nuevo.",
  "api.codeMissing": "Este código ya no funciona. Pida uno nuevo.",
  "state.incomplete": "El enlace está incompleto",
  "state.invalid": "Este enlace no es válido",
  "state.missingKey":
    "Al enlace le falta la clave que descifra los archivos: es la parte que sigue a #keyCode=. Copie el enlace completo del mensaje que recibió y vuelva a abrirlo.",
  "state.badLink":
    "Este enlace está dañado. Copie el enlace completo del mensaje que recibió y vuelva a abrirlo.",
  "state.gone": "Estos archivos ya no están disponibles",
  "state.goneText":
    "El paquete ha caducado o su remitente lo ha eliminado. Pida al remitente que vuelva a enviar los archivos.",
  "state.wrongKey": "El enlace no abre estos archivos",
  "state.wrongKeyText":
    "La clave del enlace no corresponde al paquete: el enlace está incompleto o ha sido modificado. Copie el enlace completo del mensaje que recibió y vuelva a abrirlo.",
  "state.error": "Se ha producido un error",
  "state.tryAgain": "Reintentar",
  "state.signin": "Inicie sesión para abrir estos archivos",
  "state.signinText":
    "Estos archivos se enviaron mediante un formulario del centro de ayuda. Solo los agentes autorizados en ese formulario pueden abrirlos: inicie sesión con su cuenta de Padlock.",
  "state.signinButton": "Iniciar sesión",
  "state.forbidden": "No puede abrir estos archivos",
  "state.forbiddenText":
    "Ha iniciado sesión como {email}, que no tiene permiso para abrir este paquete. Inicie sesión como otro agente o pida acceso al remitente.",
  "state.anAgent": "un agente",
  "state.switchUser": "Iniciar sesión con otra cuenta",
  "files.download": "Descargar",
  "files.cancel": "Cancelar",
  "files.downloading": "Descargando y descifrando…",
  "files.downloadingPercent": "Descargando y descifrando… {percent} %",
  "files.reconnecting": "Reconectando…",
  "files.saved": "Guardado en sus descargas.",
  "files.cancelled": "Cancelado.",
  "files.downloadAgain": "Volver a descargar",
  "files.downloadAll": "Descargar todo",
  "files.cancelAll": "Cancelar todo",
  "files.count":
    "{count, plural, one {Se le ha enviado # archivo} other {Se le han enviado # archivos}}",
  "files.until": "Disponible hasta el {date}.",
  "files.decrypted":
    "Los archivos se descifran en este navegador; el servidor solo los guarda cifrados.",
  "files.empty": "Este paquete no contiene ningún archivo.",
  "verify.sendCode": "Enviar código",
  "verify.email": "Dirección de correo electrónico",
  "verify.emailHint": "Use la dirección a la que se enviaron los archivos.",
  "verify.enterEmail": "Introduzca una dirección de correo electrónico.",
  "verify.title": "Verifique su dirección de correo electrónico",
  "verify.intro":
    "El remitente pide a los destinatarios que confirmen su identidad. Le enviaremos por correo un código de verificación de 6 dígitos.",
  "verify.verify": "Verificar",
  "verify.resend": "Enviar un código nuevo",
  "verify.other": "Usar otra dirección",
  "verify.code": "Código de verificación",
  "verify.remember": "Recordar este navegador durante 30 días",
  "verify.enterCode": "Introduzca los 6 dígitos del correo.",
  "verify.codeTitle": "Introduzca su código",
  "api.unreachable":
    "No se ha podido contactar con el servicio. Compruebe su conexión e inténtelo de nuevo.",
  "api.unreadable": "El servicio ha dado una respuesta ilegible.",
  "api.refused": "El servicio ha rechazado la solicitud.",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  "page.refused": "Solicitud rechazada",
  "page.refusedForeign": "Este formulario se envió desde otro sitio y se ha rechazado.",
  "page.refusedExpired":
    "El formulario ha caducado. Vuelva a cargar la página e inténtelo de nuevo.",
  "page.signin.title": "Iniciar sesión",
  "page.signin.heading": "Iniciar sesión en Padlock",
  "page.signin.intro":
    "Los agentes inician sesión para abrir los archivos enviados mediante el centro de ayuda y para conectar la aplicación de Zendesk.",
  "page.signin.newHere":
    "¿Es nuevo aquí? {link} con la dirección de correo electrónico que registró su administrador y luego vuelva a esta página.",
  "page.signin.activateLink": "Active su cuenta",
  "page.signin.email": "Correo electrónico",
  "page.signin.password": "Contraseña",
  "page.signin.submit": "Iniciar sesión",
  "page.signin.activateOrReset": "Activar su cuenta o restablecer la contraseña",
  "page.signin.throttled":
    "Demasiados inicios de sesión fallidos. Vuelva a intentarlo dentro de {minutes, plural, one {# minuto} other {# minutos}}.",
  "page.signin.wrong": "El correo electrónico o la contraseña no son correctos.",
  "page.account.title": "Su cuenta",
  "page.account.signedInAs": "Sesión iniciada como {email}.",
  "page.account.revoked":
    "Se ha revocado la clave. Las aplicaciones que la usaban han cerrado sesión.",
  "page.account.keys": "Claves de API",
  "page.account.keysIntro":
    "Cada clave permite que una aplicación actúe en su nombre, por ejemplo la aplicación de Zendesk después de que usted la autorizara. Revoque las claves que ya no use.",
  "page.account.noKeys": "No tiene claves de API.",
  "page.account.description": "Descripción",
  "page.account.created": "Creada",
  "page.account.noDescription": "(sin descripción)",
  "page.account.revoke": "Revocar",
  "page.account.keyNotFound": "No se encontró la clave",
  "page.account.keyNotFoundText": "Esta clave no existe o ya se había revocado.",
  "page.activate.title": "Activar su cuenta",
  "page.activate.intro":
    "Su administrador creó su cuenta de Padlock. Introduzca su dirección de correo electrónico y le enviaremos un enlace para elegir su contraseña. El mismo enlace sirve para restablecer una contraseña olvidada.",
  "page.activate.send": "Enviar el enlace",
  "page.activate.back": "Volver a iniciar sesión",
  "page.activate.used":
    "Este enlace de activación ya se ha usado o ha caducado. Pida uno nuevo a continuación.",
  "page.activate.tooMany": "Se han pedido demasiados enlaces. Espere un rato e inténtelo de nuevo.",
  "page.activate.sent":
    "Si {email} tiene una cuenta de Padlock, hemos enviado un enlace para elegir su contraseña. Revise su correo.",
  "page.password.title": "Elija su contraseña",
  "page.password.intro":
    "Para {email}. Use al menos {min, plural, one {# carácter} other {# caracteres}}; unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.",
  "page.password.new": "Nueva contraseña",
  "page.password.repeat": "Repítala",
  "page.password.submit": "Establecer la contraseña e iniciar sesión",
  "page.password.differ": "Las dos contraseñas no coinciden.",
  "page.password.tooShort":
    "Elija una contraseña de al menos {min, plural, one {# carácter} other {# caracteres}}.",
  "page.password.tooLong":
    "Elija una contraseña de como máximo {max, plural, one {# carácter} other {# caracteres}}.",
  "page.connect.title": "Autorizar la aplicación de Zendesk",
  "page.connect.heading": "¿Permitir que «{name}» use su cuenta?",
  "page.connect.checkCode": "Compruebe que la aplicación de Zendesk muestra el mismo código:",
  "page.connect.explain":
    "Si lo permite, la aplicación podrá enviar y abrir archivos cifrados como {email} hasta que revoque su clave en la página de su cuenta. Permítalo solo si acaba de hacer clic usted mismo en «Iniciar sesión» o «Activar una cuenta nueva» en la aplicación de Zendesk.",
  "page.connect.allow": "Permitir",
  "page.connect.deny": "Denegar",
  "page.connect.badCode": "Este código no funciona",
  "page.connect.badCodeText":
    "El código es incorrecto, ya se ha usado o ha caducado (los códigos duran 10 minutos). Vuelva a empezar desde la aplicación de Zendesk.",
  "page.connect.tooMany": "Demasiados códigos incorrectos",
  "page.connect.tooManyText":
    "Espere diez minutos y vuelva a empezar desde la aplicación de Zendesk.",
  "page.connect.connectedTitle": "Aplicación de Zendesk conectada",
  "page.connect.connected": "La aplicación de Zendesk está conectada",
  "page.connect.connectedText": "Vuelva a Zendesk: la aplicación inicia sesión por sí sola.",
  "page.connect.deniedTitle": "Acceso denegado",
  "page.connect.denied": "Ha denegado el acceso",
  "page.connect.deniedText": "La aplicación de Zendesk no ha recibido acceso. Vuelva a Zendesk.",
  "page.connect.closeHint": "Esta pestaña se cierra sola. Si sigue abierta, ciérrela.",
  "page.outbox.title": "Bandeja de salida",
  "page.outbox.intro":
    "Solo para desarrollo: correos que el servicio habría enviado (no hay ningún servidor SMTP configurado).",
  "page.outbox.empty": "Todavía no hay correos.",
  "page.outbox.to": "Para {to} · {date}",
  "guard.integrityTitle": "Estos archivos no se pueden abrir aquí de forma segura",
  "guard.integrity":
    "El código de Padlock aquí difiere de su versión publicada, por lo que no se ha ejecutado.",
  "sso.signInWith": "Iniciar sesión con {provider}",
  "sso.orPassword": "O inicie sesión con su contraseña de Padlock:",
  "sso.onlyProvider": "Su empresa le identifica a través de {provider}.",
  "sso.passwordsOff":
    "Las contraseñas están desactivadas en este servicio: inicie sesión con {provider}.",
  "sso.refusedTitle": "Inicio de sesión rechazado",
  "sso.stateUsed":
    "Este inicio de sesión ya se usó, caducó o se inició en otro navegador. Vuelva a empezar.",
  "sso.providerRefused":
    "{provider} no inició su sesión. Si se desactivó su cuenta de la empresa, ya no tiene acceso a Padlock.",
  "sso.tokenInvalid":
    "No se pudo verificar la respuesta de {provider}, por lo que no se inició su sesión. Inténtelo de nuevo; si sigue fallando, avise a su administrador.",
  "sso.unavailable": "No se puede contactar con {provider}. Inténtelo de nuevo en unos minutos.",
  "sso.noAccount": "{email} no tiene cuenta de Padlock. Pida a su administrador que le añada.",
  "sso.unverified":
    "{provider} no confirmó su dirección de correo electrónico, por lo que no se puede asociar a una cuenta de Padlock.",
  "sso.deactivated":
    "La cuenta de Padlock de {email} está desactivada. Consulte a su administrador.",
  "sso.otherSubject":
    "{email} está vinculada a otra cuenta de {provider}. Consulte a su administrador.",
  "sso.startAgain": "Volver a iniciar sesión",
  // Issue 13: the account page's dropzone settings.
  "page.dropzones.heading": "Zonas para soltar",
  "page.dropzones.intro":
    "Los archivos que se suben a sus zonas para soltar (por ejemplo, con el formulario del Centro de ayuda) siguen estos ajustes. Deje un campo vacío para mantener el límite del servicio.",
  "page.dropzones.name": "Zona para soltar {id}",
  "page.dropzones.extensions": "Extensiones de archivo permitidas",
  "page.dropzones.extensionsHint":
    "Separadas por comas, por ejemplo pdf, png. Vacío: cualquier archivo.",
  "page.dropzones.maxFileSize": "Tamaño máximo de archivo",
  "page.dropzones.maxFileSizeHint": "Por ejemplo 25 MB. Vacío: el límite del servicio.",
  "page.dropzones.lifeDays": "Duración de los paquetes en días",
  "page.dropzones.lifeDaysHint": "De 1 a 365. Vacío: el valor predeterminado del servicio.",
  "page.dropzones.senderDomainAccess":
    "Acceso por dominio del remitente: las personas cuya dirección de correo tenga el dominio del remitente pueden abrir los archivos tras verificar su correo",
  "page.dropzones.save": "Guardar ajustes",
  "page.dropzones.saved": "Se guardaron los ajustes de la zona para soltar.",
  "page.dropzones.badExtensions":
    "Escriba las extensiones solo con letras y dígitos, por ejemplo pdf, png. No se ha cambiado nada.",
  "page.dropzones.badSize":
    "Escriba el tamaño máximo como un tamaño, por ejemplo 25 MB. No se ha cambiado nada.",
  "page.dropzones.badLife":
    "La duración debe ser un número entero de días entre 1 y 365. No se ha cambiado nada.",
  "page.dropzones.notFound": "No se encontró la zona para soltar",
  "page.dropzones.notFoundText":
    "Solo el propietario de una zona para soltar puede cambiar sus ajustes.",
  "upload.title": "Enviar archivos de forma segura",
  "upload.intro":
    "Los archivos que elija se cifran en este navegador antes de enviarse: solo el equipo de soporte puede abrirlos.",
  "upload.noscript": "Esta página necesita JavaScript: los archivos se cifran en su navegador.",
  "upload.choose": "Elija archivos o suéltelos aquí",
  "upload.send": "Enviar archivos",
  "upload.sending": "Cifrando y enviando los archivos…",
  "upload.sentTitle": "Archivos enviados",
  "upload.sent": "Sus archivos se enviaron de forma segura. Puede cerrar esta página.",
  "upload.failed":
    "No se pudieron enviar los archivos. Compruebe su conexión e inténtelo de nuevo.",
  "upload.goneTitle": "Este enlace ya no funciona",
  "upload.gone":
    "Este enlace de carga ha caducado o no es correcto. Pida uno nuevo al equipo de soporte.",
  "upload.badLink":
    "Este enlace de carga está incompleto: copie el enlace completo del mensaje en la barra de direcciones.",
  // Issue 13: a keyless link from a ticket note; files the upload page refuses.
  "state.keyInAppTitle": "Abra estos archivos desde el ticket",
  "state.keyInApp":
    "Este enlace no tiene clave a propósito: el servicio nunca la tiene. Abra los archivos desde la aplicación en la barra lateral del ticket n.º {ticket}, que tiene la clave.",
  "upload.refusedExtension":
    "No se agregó: aquí solo se pueden enviar archivos que terminen en {extensions}.",
  "upload.refusedSize": "No se agregó: aquí solo se pueden enviar archivos de hasta {size}.",
  "upload.listSeparator": ", ",
  // Issue 13: the upload notice setting.
  "page.dropzones.notifyUploads":
    "Avisar por correo: los agentes de la zona para soltar reciben un correo con cada nueva carga (indica el ticket y nunca lleva la clave)",
};

export default es;
