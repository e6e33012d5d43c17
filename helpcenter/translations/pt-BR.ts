/** The widget's words in Brazilian Portuguese. @module */
import type { WidgetMessages } from "../messages.ts";

const ptBR: WidgetMessages = {
  "dropzone.legacy.action": "Adicionar arquivo",
  "dropzone.legacy.text": "ou soltar arquivos aqui",
  "dropzone.v4": "Escolha um arquivo ou arraste e solte aqui",
  "dropzone.label": "Anexos",
  "dropzone.hint": "Os arquivos são criptografados no seu navegador antes do envio.",
  "files.label": "Arquivos anexados",
  "file.remove": "Remover",
  "file.removeName": "Remover {name}",
  "file.cancel": "Cancelar envio",
  "file.cancelName": "Cancelar o envio de {name}",
  "file.retry": "Tentar novamente",
  "file.retryName": "Tentar enviar {name} novamente",
  "file.progressName": "Envio de {name}",
  "file.reconnecting": "Reconectando… {percent}%",
  "file.uploading": "Criptografando e enviando… {percent}%",
  "file.uploaded": "Criptografado e enviado",
  "file.failed": "Falha no envio: {reason}.",
  "file.quoted": "“{name}”",
  "list.separator": ", ",
  "submit.finishing": "Concluindo o envio…",
  "submit.securing": "Protegendo os anexos…",
  "submit.submitting": "Enviando…",
  "submit.failed": "Não foi possível proteger seus anexos. Tente novamente.",
  "submit.failedReason": "Não foi possível proteger seus anexos: {reason}. Tente novamente.",
  "submit.notReadyOne":
    "Não foi possível enviar {name}: {reason}. Tente novamente ou remova o arquivo e envie a solicitação outra vez.",
  "submit.notReadyMany":
    "Não foi possível enviar {names}. Tente novamente ou remova os arquivos e envie a solicitação outra vez.",
  "link.label": "Anexos protegidos (Padlock):",
  "link.hyperlink": "Use este link para acessar os arquivos anexados",
  "error.unknown": "erro desconhecido",
  "error.unreachable": "não foi possível acessar o serviço de envio seguro",
  "error.timeout": "o serviço de envio seguro não respondeu a tempo",
  "error.down": "o serviço de envio seguro não está respondendo (HTTP {status})",
  "error.refusedStatus": "o serviço de envio seguro recusou o arquivo (HTTP {status})",
  "error.tooLarge": "o arquivo é maior do que o serviço permite",
  "error.fileName": "o serviço não aceita este nome ou tipo de arquivo",
  "error.refusedCode": "o serviço de envio seguro recusou o arquivo ({code})",
  "error.unreadable": "não foi possível ler o arquivo",
  "error.failed": "o envio falhou",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  // Issue 15: refusals of changed code and abuse limits.
  "guard.integrity": "não é possível protegê-lo: o código de criptografia foi alterado",
  "guard.rateLimited":
    "muitos arquivos foram enviados daqui por enquanto; tente novamente mais tarde",
  "guard.storageFull":
    "o serviço de envio seguro está sem espaço para mais arquivos no momento; tente novamente mais tarde",
  // Issue 13: a file the dropzone does not take, refused before it is encrypted.
  "dropzoneRules.extension": "aqui só é possível anexar arquivos terminados em {extensions}",
  "dropzoneRules.size": "aqui só é possível anexar arquivos de até {size}",
};

export default ptBR;
