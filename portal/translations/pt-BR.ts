/** The receive page and the portal's pages in Brazilian Portuguese. @module */
import type { PortalCatalogue } from "../messages.ts";

const ptBR: PortalCatalogue = {
  "frame.account": "Conta",
  "frame.signOut": "Sair",
  "frame.footer":
    "Criptografia de ponta a ponta: os arquivos são descriptografados no seu navegador.",
  "frame.language": "Idioma",
  "frame.change": "Alterar",
  "receive.title": "Arquivos seguros",
  "receive.opening": "Abrindo o pacote…",
  "receive.decrypted": "Seus arquivos são descriptografados neste navegador.",
  "receive.noscript":
    "Esta página precisa de JavaScript: os arquivos são descriptografados no seu navegador.",
  "api.tooMany": "Solicitações demais. Aguarde alguns minutos.",
  "api.unknownPackage": "Este pacote expirou ou foi excluído, ou o link está errado.",
  "api.wrongKey":
    "A chave do link não corresponde a este pacote: o link está incompleto ou foi alterado.",
  "api.noCode": "Este pacote não é aberto com um código.",
  "api.enterEmail": "Digite um endereço de e-mail.",
  "api.tooManyCodes":
    "Foram pedidos códigos demais. Tente novamente em {minutes, plural, one {# minuto} other {# minutos}}.",
  "api.codeSent":
    "Se {email} puder abrir estes arquivos, um código de verificação de 6 dígitos está a caminho. Ele vale por {minutes, plural, one {# minuto} other {# minutos}}.",
  "api.tooManyTries": "Tentativas demais. Aguarde alguns minutos.",
  "api.codeWrong": "Este código não está correto. Confira o e-mail mais recente e tente novamente.",
  "api.codeVoid": "Códigos errados demais: este código não funciona mais. Peça um novo.",
  "api.codeExpired": "Este código expirou. Peça um novo.",
  "api.codeMissing": "Este código não funciona mais. Peça um novo.",
  "state.incomplete": "O link está incompleto",
  "state.invalid": "Este link não é válido",
  "state.missingKey":
    "Falta no link a chave que descriptografa os arquivos: é a parte depois de #keyCode=. Copie o link inteiro da mensagem que você recebeu e abra-o novamente.",
  "state.badLink":
    "Este link está danificado. Copie o link inteiro da mensagem que você recebeu e abra-o novamente.",
  "state.gone": "Estes arquivos não estão mais disponíveis",
  "state.goneText":
    "O pacote expirou ou foi excluído pelo remetente. Peça ao remetente que envie os arquivos novamente.",
  "state.wrongKey": "O link não abre estes arquivos",
  "state.wrongKeyText":
    "A chave do link não corresponde ao pacote: o link está incompleto ou foi alterado. Copie o link inteiro da mensagem que você recebeu e abra-o novamente.",
  "state.error": "Algo deu errado",
  "state.tryAgain": "Tentar novamente",
  "state.signin": "Entre para abrir estes arquivos",
  "state.signinText":
    "Estes arquivos foram enviados por um formulário da Central de Ajuda. Somente agentes autorizados nesse formulário podem abri-los: entre com sua conta do Padlock.",
  "state.signinButton": "Entrar",
  "state.forbidden": "Você não pode abrir estes arquivos",
  "state.forbiddenText":
    "Você entrou como {email}, que não tem permissão para abrir este pacote. Entre como outro agente ou peça acesso ao remetente.",
  "state.anAgent": "um agente",
  "state.switchUser": "Entrar com outra conta",
  "files.download": "Baixar",
  "files.cancel": "Cancelar",
  "files.downloading": "Baixando e descriptografando…",
  "files.downloadingPercent": "Baixando e descriptografando… {percent}%",
  "files.reconnecting": "Reconectando…",
  "files.saved": "Salvo nos seus downloads.",
  "files.cancelled": "Cancelado.",
  "files.downloadAgain": "Baixar novamente",
  "files.downloadAll": "Baixar tudo",
  "files.cancelAll": "Cancelar tudo",
  "files.count":
    "{count, plural, one {# arquivo foi enviado para você} other {# arquivos foram enviados para você}}",
  "files.until": "Disponível até {date}.",
  "files.decrypted":
    "Os arquivos são descriptografados neste navegador; o servidor só os guarda criptografados.",
  "files.empty": "Este pacote não contém nenhum arquivo.",
  "verify.sendCode": "Enviar código",
  "verify.email": "Endereço de e-mail",
  "verify.emailHint": "Use o endereço para o qual os arquivos foram enviados.",
  "verify.enterEmail": "Digite um endereço de e-mail.",
  "verify.title": "Confirme seu endereço de e-mail",
  "verify.intro":
    "O remetente pediu que os destinatários confirmem quem são. Enviaremos a você um código de verificação de 6 dígitos por e-mail.",
  "verify.verify": "Verificar",
  "verify.resend": "Enviar um novo código",
  "verify.other": "Usar outro endereço",
  "verify.code": "Código de verificação",
  "verify.remember": "Lembrar deste navegador por 30 dias",
  "verify.enterCode": "Digite os 6 dígitos do e-mail.",
  "verify.codeTitle": "Digite seu código",
  "api.unreachable": "Não foi possível acessar o serviço. Verifique sua conexão e tente novamente.",
  "api.unreadable": "O serviço deu uma resposta ilegível.",
  "api.refused": "O serviço recusou a solicitação.",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  "page.refused": "Solicitação recusada",
  "page.refusedForeign": "Este formulário foi enviado de outro site e foi recusado.",
  "page.refusedExpired": "O formulário expirou. Recarregue a página e tente novamente.",
  "page.signin.title": "Entrar",
  "page.signin.heading": "Entrar no Padlock",
  "page.signin.intro":
    "Os agentes entram para abrir arquivos enviados pela Central de Ajuda e para conectar o aplicativo do Zendesk.",
  "page.signin.newHere":
    "É novo por aqui? {link} com o endereço de e-mail que seu administrador cadastrou e depois volte.",
  "page.signin.activateLink": "Ative sua conta",
  "page.signin.email": "E-mail",
  "page.signin.password": "Senha",
  "page.signin.submit": "Entrar",
  "page.signin.activateOrReset": "Ativar sua conta ou redefinir sua senha",
  "page.signin.throttled":
    "Tentativas de entrada com falha demais. Tente novamente em {minutes, plural, one {# minuto} other {# minutos}}.",
  "page.signin.wrong": "O e-mail ou a senha está errado.",
  "page.account.title": "Sua conta",
  "page.account.signedInAs": "Conectado como {email}.",
  "page.account.revoked": "A chave foi revogada. Os aplicativos que a usavam foram desconectados.",
  "page.account.keys": "Chaves de API",
  "page.account.keysIntro":
    "Cada chave permite que um aplicativo aja em seu nome, por exemplo o aplicativo do Zendesk depois que você o autorizou. Revogue as chaves que não usa mais.",
  "page.account.noKeys": "Você não tem chaves de API.",
  "page.account.description": "Descrição",
  "page.account.created": "Criada em",
  "page.account.noDescription": "(sem descrição)",
  "page.account.revoke": "Revogar",
  "page.account.keyNotFound": "Chave não encontrada",
  "page.account.keyNotFoundText": "Esta chave não existe ou já foi revogada.",
  "page.activate.title": "Ativar sua conta",
  "page.activate.intro":
    "Seu administrador criou sua conta do Padlock. Digite o endereço de e-mail dela e enviaremos um link para você escolher sua senha. O mesmo link redefine uma senha esquecida.",
  "page.activate.send": "Enviar o link",
  "page.activate.back": "Voltar para a entrada",
  "page.activate.used": "Este link de ativação já foi usado ou expirou. Peça um novo abaixo.",
  "page.activate.tooMany": "Foram pedidos links demais. Aguarde um pouco e tente novamente.",
  "page.activate.sent":
    "Se {email} tiver uma conta do Padlock, um link para escolher a senha está a caminho. Confira seu e-mail.",
  "page.password.title": "Escolha sua senha",
  "page.password.intro":
    "Para {email}. Use pelo menos {min, plural, one {# caractere} other {# caracteres}}; algumas palavras sem relação entre si são fáceis de lembrar e difíceis de adivinhar.",
  "page.password.new": "Nova senha",
  "page.password.repeat": "Repita a senha",
  "page.password.submit": "Definir a senha e entrar",
  "page.password.differ": "As duas senhas são diferentes.",
  "page.password.tooShort":
    "Escolha uma senha com pelo menos {min, plural, one {# caractere} other {# caracteres}}.",
  "page.password.tooLong":
    "Escolha uma senha com no máximo {max, plural, one {# caractere} other {# caracteres}}.",
  "page.connect.title": "Autorizar o aplicativo do Zendesk",
  "page.connect.heading": "Permitir que “{name}” use sua conta?",
  "page.connect.checkCode": "Confira se o aplicativo do Zendesk mostra o mesmo código:",
  "page.connect.explain":
    "Se você permitir, o aplicativo poderá enviar e abrir arquivos criptografados como {email} até que você revogue a chave dele na página da sua conta. Só permita se você mesmo acabou de clicar em “Entrar” ou “Ativar uma nova conta” no aplicativo do Zendesk.",
  "page.connect.allow": "Permitir",
  "page.connect.deny": "Negar",
  "page.connect.badCode": "Este código não funciona",
  "page.connect.badCodeText":
    "O código está errado, já foi usado ou expirou (os códigos valem por 10 minutos). Comece de novo pelo aplicativo do Zendesk.",
  "page.connect.tooMany": "Códigos errados demais",
  "page.connect.tooManyText": "Aguarde dez minutos e comece de novo pelo aplicativo do Zendesk.",
  "page.connect.connectedTitle": "Aplicativo do Zendesk conectado",
  "page.connect.connected": "O aplicativo do Zendesk está conectado",
  "page.connect.connectedText": "Volte para o Zendesk: o aplicativo entra sozinho.",
  "page.connect.deniedTitle": "Acesso negado",
  "page.connect.denied": "Você negou o acesso",
  "page.connect.deniedText": "O aplicativo do Zendesk não recebeu acesso. Volte para o Zendesk.",
  "page.connect.closeHint": "Esta aba se fecha sozinha. Se continuar aberta, feche-a.",
  "page.outbox.title": "Caixa de saída",
  "page.outbox.intro":
    "Somente para desenvolvimento: e-mails que o serviço teria enviado (nenhum servidor SMTP configurado).",
  "page.outbox.empty": "Nenhum e-mail ainda.",
  "page.outbox.to": "Para {to} · {date}",
  "guard.integrityTitle": "Estes arquivos não podem ser abertos aqui com segurança",
  "guard.integrity":
    "O código do Padlock aqui difere da versão publicada, por isso não foi executado.",
  "sso.signInWith": "Entrar com {provider}",
  "sso.orPassword": "Ou entre com sua senha do Padlock:",
  "sso.onlyProvider": "Sua empresa faz seu login pelo {provider}.",
  "sso.passwordsOff": "As senhas estão desativadas neste serviço: entre com {provider}.",
  "sso.refusedTitle": "Login recusado",
  "sso.stateUsed":
    "Este login já foi usado, expirou ou foi iniciado em outro navegador. Comece de novo.",
  "sso.providerRefused":
    "O {provider} não fez seu login. Se sua conta da empresa foi desativada, você não tem mais acesso ao Padlock.",
  "sso.tokenInvalid":
    "Não foi possível verificar a resposta do {provider}, por isso você não entrou. Tente de novo; se continuar falhando, avise seu administrador.",
  "sso.unavailable": "Não foi possível acessar o {provider}. Tente de novo em alguns minutos.",
  "sso.noAccount":
    "{email} não tem conta no Padlock. Peça ao seu administrador para adicionar você.",
  "sso.unverified":
    "O {provider} não confirmou seu endereço de e-mail, por isso ele não pode ser associado a uma conta do Padlock.",
  "sso.deactivated": "A conta do Padlock de {email} está desativada. Fale com seu administrador.",
  "sso.otherSubject":
    "{email} está vinculado a outra conta do {provider}. Fale com seu administrador.",
  "sso.startAgain": "Entrar de novo",
  // Issue 13: the account page's dropzone settings.
  "page.dropzones.heading": "Áreas para soltar",
  "page.dropzones.intro":
    "Os arquivos enviados às suas áreas para soltar (como pelo formulário da Central de Ajuda) seguem estas configurações. Deixe um campo vazio para manter o limite do serviço.",
  "page.dropzones.name": "Área para soltar {id}",
  "page.dropzones.extensions": "Extensões de arquivo permitidas",
  "page.dropzones.extensionsHint":
    "Separadas por vírgulas, como pdf, png. Vazio: qualquer arquivo.",
  "page.dropzones.maxFileSize": "Tamanho máximo do arquivo",
  "page.dropzones.maxFileSizeHint": "Como 25 MB. Vazio: o limite do serviço.",
  "page.dropzones.lifeDays": "Validade dos pacotes em dias",
  "page.dropzones.lifeDaysHint": "De 1 a 365. Vazio: o padrão do serviço.",
  "page.dropzones.senderDomainAccess":
    "Acesso pelo domínio do remetente: pessoas cujo e-mail tem o domínio do remetente podem abrir os arquivos após verificar o e-mail",
  "page.dropzones.save": "Salvar configurações",
  "page.dropzones.saved": "As configurações da área para soltar foram salvas.",
  "page.dropzones.badExtensions":
    "Escreva as extensões apenas com letras e números, como pdf, png. Nada foi alterado.",
  "page.dropzones.badSize":
    "Escreva o tamanho máximo como um tamanho, como 25 MB. Nada foi alterado.",
  "page.dropzones.badLife":
    "A validade deve ser um número inteiro de dias de 1 a 365. Nada foi alterado.",
  "page.dropzones.notFound": "Área para soltar não encontrada",
  "page.dropzones.notFoundText":
    "Somente o proprietário de uma área para soltar pode alterar as configurações dela.",
  "upload.title": "Enviar arquivos com segurança",
  "upload.intro":
    "Os arquivos que você escolher são criptografados neste navegador antes do envio: só a equipe de suporte pode abri-los.",
  "upload.noscript":
    "Esta página precisa de JavaScript: os arquivos são criptografados no seu navegador.",
  "upload.choose": "Escolha arquivos ou solte-os aqui",
  "upload.send": "Enviar arquivos",
  "upload.sending": "Criptografando e enviando os arquivos…",
  "upload.sentTitle": "Arquivos enviados",
  "upload.sent": "Seus arquivos foram enviados com segurança. Você pode fechar esta página.",
  "upload.failed": "Não foi possível enviar os arquivos. Verifique sua conexão e tente novamente.",
  "upload.goneTitle": "Este link não funciona mais",
  "upload.gone": "Este link de envio expirou ou está errado. Peça um novo à equipe de suporte.",
  "upload.badLink":
    "Este link de envio está incompleto: copie o link inteiro da mensagem para a barra de endereços.",
  // Issue 13: a keyless link from a ticket note; files the upload page refuses.
  "state.keyInAppTitle": "Abra estes arquivos pelo ticket",
  "state.keyInApp":
    "Este link não tem a chave de propósito: o serviço nunca a tem. Abra os arquivos pelo app na barra lateral do ticket nº {ticket}, que tem a chave.",
  "upload.refusedExtension":
    "Não adicionado: aqui só é possível enviar arquivos terminados em {extensions}.",
  "upload.refusedSize": "Não adicionado: aqui só é possível enviar arquivos de até {size}.",
  "upload.listSeparator": ", ",
  // Issue 13: the upload notice setting.
  "page.dropzones.notifyUploads":
    "Avisar por e-mail: os agentes da área para soltar recebem um e-mail a cada novo envio (ele indica o ticket e nunca leva a chave)",
};

export default ptBR;
