// Customer-service lexicon written for Vínculo (not copied from any list). Keys are normalised
// (lower-case, no accents); a trailing "*" matches any ending ("decepcion*" → decepcionado, decepcionante).
// Strength is in logit units: 1 a hint, 2 clear, 3 unmistakable.

import type { Emotion } from '../emotion.types.ts';

export type LexiconSpec = Partial<Record<Exclude<Emotion, 'neutral'>, Record<string, number>>>;

export const LEXICON_ES: LexiconSpec = {
  anger: {
    'inaceptable': 3, 'indignad*': 3, 'indignante': 3, 'verguenza': 2.5, 'vergonzoso': 2.5, 'harto': 3, 'harta': 3,
    'hartos': 3, 'estafa*': 3, 'estafador*': 3, 'ladron*': 3, 'robo': 2, 'robando': 2.5, 'incompetent*': 3,
    'inutil*': 2.5, 'pesim*': 2.5, 'furios*': 3, 'enfadad*': 3, 'enojad*': 3, 'cabread*': 3, 'molest*': 2, 'frustrad*': 2, 'frustrante': 2, 'frustracion': 2,
    'ridicul*': 2.5, 'absurdo': 2, 'cansad*': 1.5, 'irrespetuos*': 2.5, 'falta de respeto': 3, 'tomadura de pelo': 3,
    'una broma': 1.5, 'nadie responde': 2.5, 'nadie contesta': 2.5, 'nadie me responde': 3, 'nadie me contesta': 3,
    'nadie me ayuda': 2.5, 'sigo esperando': 2.5, 'seguimos esperando': 2.5, 'todavia no': 1.5, 'aun no': 1.2,
    'otra vez': 1.2, 'de nuevo': 0.8, 'una vez mas': 1.5, 'ya van': 1.5, 'llevo': 0.8, 'mierda': 2.5, 'joder': 2.5,
    'puta': 2, 'puto': 2, 'carajo': 2, 'maldit*': 2, 'odio': 2.5, 'exijo': 2.5, 'exigo': 2.5, 'reclamacion': 1.5,
    'queja': 1.5, 'denuncia*': 2, 'abogado': 2, 'consumo': 1, 'peor': 2, 'el peor': 2.5, 'la peor': 2.5,
    'horrible': 2, 'fatal': 1.8, 'desastre': 2.5, 'cutre': 2, 'chapuza': 2.5, 'vaya servicio': 2.5,
    'que servicio': 1.5, 'no sirve': 2, 'no sirven': 2, 'no funciona': 1.5, 'sigue sin': 2, 'siguen sin': 2,
    'me tienen': 1, 'basta': 2, 'ya basta': 3, 'me cambio': 2, 'dar de baja': 2.5, 'darme de baja': 3,
    'me doy de baja': 3, 'cancelar mi': 2, 'cancelen': 2, 'me voy a la competencia': 3, 'competencia': 1.2,
    'nunca mas': 2.5, 'jamas': 1, 'culpa': 1.5, 'culpa suya': 3, 'su culpa': 2.5, 'es culpa de': 2.5,
    'me mienten': 3, 'mentira*': 2.5, 'engan*': 2.5, 'timo': 3, 'abuso': 2.5, 'abusiv*': 2.5, 'cobrar de mas': 2.5,
    'colgaron': 2, 'me colgaron': 2.5, 'me cuelgan': 2.5, 'pasan la pelota': 3, 'de un lado a otro': 2,
    'impresentable*': 3, 'lamentable': 2, 'insoportable': 2.5, 'inadmisible': 3, 'intolerable': 3, 'gracias por nada': 3, 'lo que faltaba': 2,
    'tercera vez': 2, 'cuarta vez': 2.5, 'es la tercera vez': 1, 'no es justo': 2.5, 'no me parece justo': 2.5, 'injust*': 2.5,
    'eterna': 1.5, 'eterno': 1.5, 'hay alguien ahi': 2, 'asi tratan': 2.5, 'asi me tratan': 3, 'con un bot': 1.5,
    'una persona real': 1.5, 'hablar con una persona': 1.5, 'no se puede trabajar': 2.5, 'increible que': 2, 'encima': 1,
    'nadie me soluciona': 3, 'nadie soluciona': 2.5, 'nadie avisa': 2.5, 'nadie avisó': 2.5, 'nadie da explicaciones': 2.5,
  },
  disgust: {
    'asco': 3, 'asquero*': 3, 'repugnant*': 3, 'nauseabund*': 3, 'vomit*': 2.5, 'podrid*': 2.5, 'sucio': 1.5,
    'sucia': 1.5, 'mugre': 2, 'pelo en': 1.5, 'cucaracha*': 2.5, 'bicho*': 1, 'huele mal': 2.5, 'apesta': 2.5,
    'caducad*': 1.5, 'moho': 2.5, 'da asco': 3, 'grima': 2.5, 'repulsiv*': 3,
  },
  fear: {
    'miedo': 2.5, 'preocupad*': 2.5, 'preocupa': 2.5, 'preocupacion': 2.5, 'asustad*': 3, 'nervios*': 2,
    'angusti*': 2.5, 'ansiedad': 2.5, 'temo': 2.5, 'me temo': 1, 'panico': 3, 'terror': 2.5, 'inquiet*': 2,
    'hackead*': 3, 'hackearon': 3, 'hackeo': 3, 'jaqueado': 3, 'fraude': 2.5, 'fraudulent*': 2.5,
    'suplantacion': 3, 'phishing': 2.5, 'robaron': 2, 'mis datos': 0.8, 'datos personales': 0.8,
    'filtracion': 2.5, 'filtrado': 1.5, 'cargo no reconocido': 3, 'cargos no reconocidos': 3,
    'no reconozco': 2.5, 'no autorice': 3, 'no he autorizado': 3, 'doble cargo': 2, 'me cobraron dos veces': 1.5,
    'cobrado dos veces': 1.5, 'dos cobros': 1.5, 'mi dinero': 1.5, 'mis ahorros': 2, 'perdi': 1, 'perdido': 1,
    'perder': 1, 'no puedo acceder': 2, 'no puedo entrar': 2, 'que hago': 1.5, 'que puedo hacer': 1, 'no lo tengo': 1, 'no me deja entrar': 2, 'bloquead*': 2,
    'sin acceso': 2, 'que pasa con mi': 1.5, 'que va a pasar': 2, 'y si': 0.5, 'urgente': 1.2,
    'desaparecid*': 2, 'desaparecio': 2, 'borraron': 1.5, 'se borro': 2, 'se borraron': 2, 'peligro': 2.5,
    'riesgo': 1.5, 'inseguro': 2, 'segura': 0.3, 'tengo dudas': 0.5, 'estoy preocupado': 1,
  },
  joy: {
    'gracias': 2.5, 'muchas gracias': 1, 'mil gracias': 1.5, 'agradezco': 2.5, 'agradecid*': 3, 'genial': 2.5,
    'perfecto': 2.5, 'perfecta': 2.5, 'excelente': 3, 'estupend*': 3, 'fantastic*': 3, 'maravill*': 3,
    'encantad*': 3, 'encanta': 3, 'encanto': 2.5, 'feliz': 3, 'felices': 3, 'contento': 3, 'contenta': 3,
    'content*': 2, 'alegr*': 2.5, 'satisfech*': 2.5, 'aliviad*': 3, 'alivio': 3, 'que alivio': 1,
    'por fin': 1.2, 'resuelto': 2, 'solucionad*': 2.5, 'funciona perfect*': 2, 'ya funciona': 2.5,
    'todo bien': 1.5, 'amable*': 2.5, 'atent*': 1, 'rapid*': 1, 'recomiendo': 2.5, 'recomendable': 2.5,
    'lo mejor': 2, 'el mejor': 2, 'la mejor': 2, 'mejores': 1.5, 'buenisim*': 3, 'bien': 1, 'muy bien': 1,
    'bueno': 0.8, 'buena': 0.8, 'buen': 0.8, 'increible servicio': 3, 'top': 1.5, 'crack*': 2, 'amor': 2,
    'amo': 2, 'me gusta': 2, 'me gusto': 2, 'guay': 2.5, 'chulo': 2, 'bravo': 2.5, 'felicidades': 3,
    'enhorabuena': 3, 'felicit*': 2.5, 'jaja*': 1.5, 'jeje*': 1.5, 'ole': 1.5, 'uf menos mal': 3,
    'menos mal': 2.5, 'sin problema': 1, 'de lujo': 3, 'no esta mal': 2.5, 'nada mal': 2.5, 'mejor de lo que esperaba': 3, 'un placer': 2.5, 'ilusion': 2, 'bendicion': 2,
  },
  sadness: {
    'triste': 3, 'tristeza': 3, 'decepcion*': 3, 'me decepciono': 1, 'decepcionad*': 1, 'esperaba mas': 3,
    'esperaba algo mas': 3, 'esperaba otra cosa': 3, 'lastima': 2.5, 'que pena': 2.5, 'pena': 1.5,
    'desilusion*': 3, 'lamentablemente': 1.5, 'por desgracia': 1.5, 'desgraciadamente': 1.5, 'llor*': 2.5,
    'deprimid*': 3, 'desanimad*': 3, 'esperaba una': 1.5, 'no me lo esperaba': 1,
    'ya no es lo que era': 3, 'antes era mejor': 3, 'antes era': 1.5, 'me duele': 2.5, 'me siento ignorad*': 3, 'ignorad*': 2, 'dolid*': 2.5,
    'lo siento': 0.3, 'perdida': 1, 'echo de menos': 2, 'extrano': 0.5, 'solo': 0.2, 'sola': 0.3,
    'no vale la pena': 2, 'no cumple': 2, 'no cumplio': 2, 'no era lo que': 2.5, 'mal': 1, 'malo': 1.2,
    'mala': 1.2, 'regular': 1.5, 'mediocre': 2.5, 'flojo': 1.5, 'me fallaron': 2.5, 'fallaron': 1.5,
    'me han fallado': 2.5, 'luto': 3, 'descanse en paz': 3, 'dep': 2.5, 'rip': 2.5, 'fallec*': 3, 'muri*': 2,
  },
  surprise: {
    'sorpresa': 2.5, 'sorprend*': 3, 'inesperad*': 2.5, 'no me lo puedo creer': 2.5, 'no puedo creer': 2,
    'increible': 1.2, 'alucin*': 2, 'flipando': 2.5, 'flipo': 2.5, 'wow': 2.5, 'guau': 2.5, 'ostras': 2,
    'madre mia': 1.5, 'en serio': 0.3, 'de verdad': 0.5, 'anda ya': 1.5, 'no sabia': 1.5, 'quien lo diria': 2.5,
  },
};

export const LEXICON_EN: LexiconSpec = {
  anger: {
    'unacceptable': 3, 'outrage*': 3, 'furious': 3, 'angry': 3, 'mad': 2, 'pissed': 3, 'livid': 3, 'annoy*': 2,
    'irritat*': 2, 'ridiculous': 2.5, 'absurd': 2, 'fed up': 3, 'sick of': 3, 'tired of': 2.5, 'had enough': 3,
    'scam*': 3, 'rip off': 3, 'ripoff': 3, 'rip-off': 3, 'thie*': 2.5, 'steal*': 2, 'stole': 2, 'incompetent': 3,
    'useless': 2.5, 'pathetic': 2.5, 'disgrace*': 2.5, 'shame on': 3, 'worst': 2.5, 'terrible': 2, 'horrible': 2,
    'awful': 2, 'nobody answers': 2.5, 'no one answers': 2.5, 'no one responds': 2.5, 'nobody responds': 2.5,
    'no one is helping': 2.5, 'still waiting': 2.5, 'still not': 1.5, 'still no': 1.5, 'yet again': 2,
    'again': 0.8, 'once again': 1.5, 'for the third time': 2.5, 'for the last time': 2.5, 'wtf': 2.5,
    'damn': 1.5, 'hell': 1, 'shit': 2, 'crap': 2, 'bullshit': 3, 'fuck*': 2.5, 'hate': 2.5, 'demand': 2,
    'complaint': 1.5, 'complain': 1.5, 'lawyer': 2, 'sue': 2, 'refund': 1.2, 'cancel my': 2.5, 'cancel': 1.2,
    'cancelling': 2, 'canceling': 2, 'close my account': 2.5, 'switching to': 2.5, 'switch to': 1.5,
    'never again': 3, 'never use': 2.5, 'your fault': 3, 'fault': 1.5, 'blame': 2, 'lied': 3, 'lying': 3,
    'liars': 3, 'lie': 1.5, 'hung up': 2.5, 'runaround': 3, 'run around': 2, 'keep getting': 1.5,
    'waste of': 2.5, 'wasted': 2, 'joke': 1.5, 'is a joke': 3, 'insult*': 2.5, 'rude': 2.5, 'disrespect*': 3,
    'enough is enough': 3, 'do not work': 1.5, "doesn't work": 1.5, 'not working': 1.5, 'broken': 1.2,
    'thanks for nothing': 3, 'third time': 2, 'fourth time': 2.5, 'not fair': 2.5, "isn't fair": 2.5, 'unfair': 2.5,
    'is anyone there': 2, 'how you treat': 2.5, 'real person': 1.5, 'talk to a human': 1.5, 'love how you': 2.5, 'frustrat*': 2,
    'supposed to': 1, 'nobody called': 2.5, 'no one called': 2.5, 'nobody has': 1.5, 'stupid': 2.5, 'idiot*': 2.5, 'garbage': 2.5, 'trash': 2, 'appalling': 3, 'disgraceful': 3, 'outraged': 3,
  },
  disgust: {
    'disgust*': 3, 'gross': 2.5, 'revolting': 3, 'repulsive': 3, 'nasty': 2, 'filthy': 2.5, 'dirty': 1.5,
    'vomit*': 2.5, 'puke': 2.5, 'rotten': 2.5, 'moldy': 2.5, 'mouldy': 2.5, 'cockroach*': 2.5, 'bugs in': 2,
    'hair in': 1.5, 'smells': 1, 'stinks': 2.5, 'sickening': 3, 'nauseat*': 3, 'yuck': 3, 'ew': 2.5, 'eww': 3,
    'creepy': 1.5, 'vile': 3, 'despicable': 3,
  },
  fear: {
    'afraid': 2.5, 'scared': 3, 'scary': 2.5, 'fear': 2.5, 'frighten*': 3, 'terrified': 3, 'terrifying': 3,
    'worried': 3, 'worry': 2.5, 'worrying': 2.5, 'concerned': 2, 'concern': 1.5, 'nervous': 2.5, 'anxious': 2.5,
    'anxiety': 2.5, 'panic*': 3, 'uneasy': 2, 'hacked': 3, 'hack': 2, 'fraud*': 2.5, 'phishing': 2.5,
    'stolen': 2, 'identity theft': 3, 'breach': 2.5, 'leaked': 2.5, 'my data': 1.5, 'personal data': 1.5,
    'personal information': 1.5, "didn't authorize": 3, 'did not authorize': 3, 'unauthorized': 3,
    "don't recognize": 2.5, 'do not recognize': 2.5, 'charged twice': 1.5, 'double charged': 1.5,
    'my money': 1.5, 'my savings': 2, 'lose': 1, 'lost': 1, 'locked out': 2.5, 'locked': 2, 'payment due': 1.5, 'what do i do': 1.5, 'what should i do': 1.5, "can't log in": 2,
    "can't access": 2, 'cannot access': 2, "can't get into": 2, 'lost access': 2.5, 'what happens to my': 2,
    'what will happen': 2, 'urgent': 1.2, 'urgently': 1.2, 'disappeared': 2, 'deleted': 1, 'gone': 0.8,
    'danger*': 2.5, 'risk': 1.5, 'unsafe': 2.5, 'is it safe': 2, 'emergency': 2, 'help me': 1,
  },
  joy: {
    'thanks': 2.5, 'thank you': 2.5, 'thank': 2, 'grateful': 3, 'appreciate*': 2.5, 'great': 2, 'awesome': 3,
    'amazing': 3, 'excellent': 3, 'perfect': 2.5, 'fantastic': 3, 'wonderful': 3, 'brilliant': 3, 'love': 2.5,
    'loved': 2.5, 'lovely': 2.5, 'happy': 3, 'glad': 3, 'pleased': 3, 'delighted': 3, 'thrilled': 3,
    'relieved': 3, 'relief': 3, 'what a relief': 1, 'finally': 1, 'resolved': 2, 'solved': 2, 'fixed': 1.5,
    'works now': 2.5, 'working now': 2.5, 'all good': 2, 'helpful': 2.5, 'kind': 1.5, 'friendly': 2,
    'quick': 1, 'fast': 1, 'recommend': 2.5, 'best': 2, 'good': 1.2, 'nice': 1.5, 'cool': 1.5, 'fun': 2,
    'enjoy*': 2.5, 'congrat*': 3, 'yay': 3, 'haha*': 1.5, 'lol': 1.2, 'lmao': 1.5, 'excited': 3,
    'exciting': 2.5, 'beautiful': 2.5, 'superb': 3, 'outstanding': 3, 'lifesaver': 3, 'life saver': 3,
    'you rock': 3, 'well done': 2.5, 'no problem': 0.8, 'not bad': 2.5, 'not too bad': 2, 'better than i expected': 3, 'better than expected': 3, 'no worries': 1, 'satisfied': 2.5, 'impressed': 2.5,
    'hope': 1, 'hopefully': 1, 'proud': 2.5, 'blessed': 2.5, 'cheers': 1.5,
  },
  sadness: {
    'sad': 3, 'sadly': 2, 'unhappy': 2.5, 'disappoint*': 3, 'let down': 3, 'letdown': 3, 'expected more': 3,
    'expected better': 3, 'used to love': 3, 'i hoped': 1.5, 'hoped it would': 2, 'used to be': 2, 'used to be better': 3, 'not what it used to be': 3,
    'unfortunately': 1.5, 'shame': 1.5, 'what a shame': 2.5, 'pity': 2, 'upset': 2.5, 'heartbroken': 3,
    'heartbreaking': 3, 'cry*': 2.5, 'tears': 2, 'depress*': 3, 'miserable': 3, 'down': 0.5, 
    'sorry': 0.3, 'miss': 1.5, 'lonely': 2.5, 'not worth': 2, 'bad': 1.2, 'poor': 1.2, 'mediocre': 2.5,
    'meh': 1.5, 'underwhelm*': 3, 'failed': 1.5, 'fails': 1, 'grief': 3, 'grieving': 3, 'rip': 2, 'rest in peace': 3,
    'passed away': 3, 'devastat*': 3, 'tragic': 2.5, 'tragedy': 2.5, 'hopeless': 2.5, 'regret': 2,
  },
  surprise: {
    'surprise*': 2.5, 'surprising*': 2.5, 'unexpected*': 2.5, "can't believe": 2, 'cannot believe': 2,
    'unbelievable': 1.5, 'wow': 2.5, 'whoa': 2.5, 'omg': 2, 'oh my god': 2, 'shocked': 2.5, 'shocking': 2,
    'astonish*': 3, 'amazed': 2, 'no way': 1.5, 'seriously': 0.8, 'who knew': 2.5,
    "didn't know": 1.5, 'did not know': 1.5, 'wait what': 2.5,
  },
};

export const EMOJI_LEXICON: LexiconSpec = {
  anger: { '😡': 3, '😠': 3, '🤬': 3, '👿': 2, '💢': 2.5, '🖕': 3, '😤': 2 },
  disgust: { '🤢': 3, '🤮': 3, '🤧': 0.5, '💩': 1.5, '😖': 1 },
  fear: { '😨': 3, '😰': 3, '😱': 2.5, '😟': 2, '😧': 2, '😬': 1.5, '🙏': 0.3, '😓': 1.5, '😥': 1 },
  joy: {
    '😀': 2.5, '😃': 2.5, '😄': 2.5, '😁': 2.5, '😆': 2.5, '😂': 1.5, '🤣': 1.5, '😊': 3, '☺': 2.5, '🙂': 1.5,
    '😍': 3, '🥰': 3, '😘': 2.5, '❤': 2.5, '💕': 2.5, '💖': 2.5, '💙': 2, '💚': 2, '💜': 2, '🧡': 2, '💛': 2,
    '♥': 2, '👍': 2, '👏': 2, '🙌': 2.5, '🎉': 3, '🥳': 3, '✨': 1, '💪': 1.5, '😎': 1.5, '🤗': 2.5, '😌': 2,
    '🌟': 1.5, '⭐': 1, '✅': 1, '👌': 1.5, '🤩': 3, '😇': 2, ':)': 2, ':D': 2.5, ';)': 1.5, '<3': 2.5, 'xD': 1.5,
  },
  sadness: {
    '😢': 3, '😭': 3, '😞': 3, '😔': 3, '😿': 3, '💔': 3, '☹': 2.5, '🙁': 2.5, '😕': 1.5, '😩': 2, '😫': 2,
    '🥺': 2, '😪': 2, ':(': 2.5, '</3': 3, '👎': 1.5,
  },
  surprise: { '😮': 3, '😲': 3, '😯': 2.5, '🤯': 2.5, '😳': 2, '‼': 0.5, '❗': 0.3, ':O': 2.5, ':o': 2.5 },
};

/** Words that turn the next few words around. */
export const NEGATORS = new Set([
  'no', 'ni', 'nunca', 'jamas', 'tampoco', 'sin', 'nadie', 'ningun', 'ninguno', 'ninguna',
  'not', 'never', 'without', 'nobody', 'nothing', 'none', 'neither', 'nor', 'hardly', 'barely',
  "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "can't", "couldn't", "won't",
  "wouldn't", "shouldn't", "haven't", "hasn't", "ain't", 'cannot', 'dont', 'no.',
]);

/** Multipliers for the next emotional word; "nada" after a negator strengthens it ("no estoy nada contento"). */
export const INTENSIFIERS = new Map<string, number>(Object.entries({
  muy: 1.5, super: 1.6, tan: 1.4, tanto: 1.3, demasiado: 1.5, totalmente: 1.6, completamente: 1.6,
  absolutamente: 1.7, realmente: 1.4, sumamente: 1.7, increiblemente: 1.7, extremadamente: 1.8, bastante: 1.2,
  mega: 1.6, re: 1.3, nada: 1.5, para: 1, really: 1.4, very: 1.5, so: 1.4, extremely: 1.8, totally: 1.6,
  absolutely: 1.7, completely: 1.6, incredibly: 1.7, utterly: 1.8, truly: 1.4, such: 1.3, too: 1.3,
  seriously: 1.3, quite: 1.2, beyond: 1.6, highly: 1.4, deeply: 1.6,
  poco: 0.6, algo: 0.7, ligeramente: 0.6, slightly: 0.6, bit: 0.6, somewhat: 0.7, little: 0.7, kinda: 0.7,
}));

/** Positive words customers use ironically. */
export const IRONIC_POSITIVES = new Set([
  'genial', 'perfecto', 'fantastico', 'maravilloso', 'estupendo', 'excelente', 'bravo', 'felicidades',
  'great', 'perfect', 'fantastic', 'wonderful', 'awesome', 'amazing', 'brilliant', 'lovely', 'genius', 'superb',
]);

/** Context that makes a positive word ironic when both appear in one message. */
export const SARCASM_CONTEXT = [
  'otra vez', 'de nuevo', 'una vez mas', 'como siempre', 'sin internet', 'sin luz', 'sin servicio', 'sin senal',
  'sigue sin', 'siguen sin', 'todavia', 'aun sin', 'ya van', 'gracias por nada', 'por nada', 'lo que faltaba',
  'justo lo que', 'claro que si', 'que bien', 'again', 'yet again', 'as always', 'as usual', 'still',
  'thanks for nothing', 'for nothing', 'just what i needed', 'just great', 'love how', 'love that', 'so much for',
  'yeah right', 'oh great', 'oh perfect', 'third time', 'tercera vez', 'no funciona', "doesn't work",
  'not working', 'no one', 'nobody', 'nadie',
];

/** Phrases that are sarcastic on their own. */
export const SARCASM_PHRASES = new Set(['gracias por nada', 'thanks for nothing', 'love how you', 'que maravilla de servicio', 'lo que faltaba']);

export const SARCASM_EMOJI = new Set(['🙃', '🙄', '😒', '😑', '🤡', '🤦', '🤷']);

/** Signs a customer is about to leave: always worth an alert. */
export const CHURN_PHRASES = [
  'dar de baja', 'darme de baja', 'me doy de baja', 'cancelar mi', 'cancelar el contrato', 'cancelar la suscripcion',
  'me cambio de', 'me cambio a', 'me voy a la competencia', 'me voy con', 'nunca mas', 'no vuelvo', 'no volvere',
  'ultima vez que', 'pierden un cliente', 'perdieron un cliente', 'cancel my', 'cancelling my', 'canceling my',
  'close my account', 'closing my account', 'switching to', 'switch to another', 'never again', 'never use',
  'never buy', 'never order', 'last time i', 'lost a customer', 'lost a loyal', 'taking my business',
  'want my money back', 'quiero mi dinero', 'devuelvan mi dinero', 'reembolso ya', 'refund now',
];
