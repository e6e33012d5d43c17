/** The widget's words in Spanish. @module */
import type { WidgetMessages } from "../messages.ts";

const es: WidgetMessages = {
  "dropzone.legacy.action": "Agregar archivo",
  "dropzone.legacy.text": "o soltar archivos aquí",
  "dropzone.v4": "Elija un archivo o arrástrelo y suéltelo aquí",
  "dropzone.label": "Archivos adjuntos",
  "dropzone.hint": "Los archivos se cifran en su navegador antes de cargarse.",
  "files.label": "Archivos adjuntos",
  "file.remove": "Quitar",
  "file.removeName": "Quitar {name}",
  "file.cancel": "Cancelar carga",
  "file.cancelName": "Cancelar la carga de {name}",
  "file.retry": "Reintentar",
  "file.retryName": "Reintentar la carga de {name}",
  "file.progressName": "Carga de {name}",
  "file.reconnecting": "Reconectando… {percent} %",
  "file.uploading": "Cifrando y cargando… {percent} %",
  "file.uploaded": "Cifrado y cargado",
  "file.failed": "Error de carga: {reason}.",
  "file.quoted": "«{name}»",
  "list.separator": ", ",
  "submit.finishing": "Terminando la carga…",
  "submit.securing": "Protegiendo los archivos adjuntos…",
  "submit.submitting": "Enviando…",
  "submit.failed": "No se pudieron proteger los archivos adjuntos. Vuelva a intentarlo.",
  "submit.failedReason":
    "No se pudieron proteger los archivos adjuntos: {reason}. Vuelva a intentarlo.",
  "submit.notReadyOne":
    "No se pudo cargar {name}: {reason}. Reinténtelo o quítelo y vuelva a enviar la solicitud.",
  "submit.notReadyMany":
    "No se pudieron cargar {names}. Reinténtelos o quítelos y vuelva a enviar la solicitud.",
  "link.label": "Archivos adjuntos protegidos (Padlock):",
  "link.hyperlink": "Use este enlace para acceder a los archivos adjuntos",
  "error.unknown": "error desconocido",
  "error.unreachable": "no se pudo conectar con el servicio de carga segura",
  "error.timeout": "el servicio de carga segura no respondió a tiempo",
  "error.down": "el servicio de carga segura no responde (HTTP {status})",
  "error.refusedStatus": "el servicio de carga segura rechazó el archivo (HTTP {status})",
  "error.tooLarge": "el archivo supera el tamaño que permite el servicio",
  "error.fileName": "el servicio no acepta este nombre o tipo de archivo",
  "error.refusedCode": "el servicio de carga segura rechazó el archivo ({code})",
  "error.unreadable": "no se pudo leer el archivo",
  "error.failed": "la carga falló",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  // Issue 15: refusals of changed code and abuse limits.
  "guard.integrity": "no se puede proteger: el código de cifrado se ha modificado",
  "guard.rateLimited":
    "se han enviado demasiados archivos desde aquí por ahora; inténtelo de nuevo más tarde",
  "guard.storageFull":
    "el servicio de carga segura no tiene espacio para más archivos en este momento; inténtelo de nuevo más tarde",
  // Issue 13: a file the dropzone does not take, refused before it is encrypted.
  "dropzoneRules.extension": "aquí solo se pueden adjuntar archivos que terminen en {extensions}",
  "dropzoneRules.size": "aquí solo se pueden adjuntar archivos de hasta {size}",
};

export default es;
