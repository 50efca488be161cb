// Short, frequent function words; enough to tell these languages apart in a chat line.
// Spanish and English are supported; the rest exist so their messages are not mistaken for them.
export const STOPWORDS: Record<string, readonly string[]> = {
  es: [
    'de', 'la', 'que', 'el', 'en', 'los', 'se', 'del', 'las', 'por', 'un', 'para', 'con', 'una', 'su', 'al', 'lo',
    'como', 'mas', 'pero', 'sus', 'le', 'ya', 'fue', 'este', 'ha', 'si', 'porque', 'esta', 'son', 'entre', 'cuando',
    'muy', 'sin', 'sobre', 'tambien', 'me', 'hasta', 'hay', 'donde', 'quien', 'desde', 'todo', 'nos', 'durante',
    'todos', 'uno', 'les', 'ni', 'contra', 'otros', 'ese', 'eso', 'ante', 'ellos', 'esto', 'mi', 'antes', 'algunos',
    'que', 'unos', 'yo', 'otro', 'otras', 'otra', 'el', 'tanto', 'esa', 'estos', 'mucho', 'quienes', 'nada',
    'muchos', 'cual', 'poco', 'ella', 'estar', 'estas', 'algunas', 'algo', 'nosotros', 'tu', 'te', 'ti', 'tiene',
    'tengo', 'estoy', 'es', 'soy', 'hola', 'gracias', 'pues', 'aqui', 'ahora', 'bien', 'vez', 'hoy', 'dias', 'y',
    'nunca', 'siempre', 'puedo', 'hacer', 'cuenta', 'pedido', 'buenas', 'buenos', 'usted', 'ustedes', 'vale',
  ],
  en: [
    'the', 'and', 'to', 'of', 'a', 'i', 'it', 'in', 'is', 'you', 'that', 'this', 'was', 'for', 'on', 'are', 'with',
    'as', 'be', 'at', 'have', 'not', 'but', 'what', 'all', 'we', 'my', 'they', 'your', 'so', 'if', 'just', 'me',
    'about', 'can', 'from', 'or', 'will', 'there', 'one', 'out', 'do', 'has', 'get', 'like', 'been', 'would',
    'how', 'when', 'who', 'an', 'our', "i'm", "don't", "it's", "can't", 'still', 'again', 'why', 'thanks', 'thank',
    'hi', 'hello', 'please', 'no', 'yes', 'now', 'here', 'today', 'did', 'does', 'account', 'order', 'very', 'really',
    'the', 'because', 'never', 'always', 'any', 'some', 'should', 'could', 'their', 'them', 'these', 'those', 'he',
    'she', 'his', 'her', 'him', 'by', 'up', 'had', 'were', 'got', 'am', 'than', 'then', 'too', 'only', 'into',
  ],
  pt: [
    'nao', 'voce', 'obrigado', 'obrigada', 'muito', 'uma', 'com', 'meu', 'minha', 'isso', 'esta', 'estou', 'mas',
    'para', 'pelo', 'pela', 'tambem', 'sao', 'ele', 'ela', 'eu', 'os', 'as', 'do', 'da', 'dos', 'das', 'no', 'na',
    'em', 'um', 'que', 'se', 'ja', 'ainda', 'agora', 'bom', 'boa', 'ola', 'entao', 'porque', 'quando', 'tem',
  ],
  fr: [
    'le', 'les', 'et', 'est', 'une', 'des', 'je', 'vous', 'pas', 'pour', 'dans', 'ce', 'il', 'elle', 'qui', 'sur',
    'au', 'avec', 'mais', 'ne', 'nous', 'mon', 'ma', 'mes', 'merci', 'bonjour', 'tres', 'cest', "c'est", "j'ai",
    'suis', 'du', 'aux', 'ou', 'tout', 'fait', 'rien', 'toujours', 'encore', 'votre', 'vos', 'oui', 'non',
  ],
  it: [
    'il', 'di', 'che', 'e', 'non', 'per', 'una', 'sono', 'mi', 'ho', 'con', 'ma', 'del', 'della', 'gli', 'anche',
    'questo', 'grazie', 'ciao', 'molto', 'sempre', 'ancora', 'perche', 'come', 'io', 'tu', 'lei', 'noi', 'voi',
    'buongiorno', 'cosa', 'tutto', 'niente', 'nel', 'alla', 'sei', 'essere', 'fatto', 'solo',
  ],
  de: [
    'der', 'die', 'und', 'ist', 'nicht', 'das', 'ich', 'ein', 'eine', 'zu', 'mit', 'sich', 'auf', 'fur', 'sie',
    'es', 'dem', 'den', 'von', 'wir', 'mein', 'meine', 'aber', 'auch', 'noch', 'danke', 'bitte', 'hallo', 'kein',
    'keine', 'sehr', 'schon', 'wie', 'was', 'wenn', 'oder', 'habe', 'hat', 'bin', 'sind', 'immer', 'nur',
  ],
};
