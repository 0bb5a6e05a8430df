// onoma serve: the desk's page. Plain script, no framework. Every string
// that comes from the store or the user is put into the page as text
// (textContent, text nodes), never as markup.
'use strict';

const MESSAGES = {
  en: {
    'tab.names': 'Names', 'tab.memory': 'Memory', 'tab.normalize': 'Normalize',
    'ui.language': 'Language',
    'names.placeholder': 'A name in any script: Kiev, 키예프, Києві',
    'names.find': 'Find',
    'names.hint': 'Any rendering in any script finds its concept, inflected or misspelt.',
    'names.none': 'No concept found for “{0}”.',
    'match.exact': 'exact match', 'match.folded': 'match ignoring case and accents',
    'match.inflected': 'match of an inflected form', 'match.romanized': 'match across scripts',
    'match.fuzzy': 'close spelling',
    'status.preferred': 'preferred', 'status.admitted': 'admitted', 'status.deprecated': 'deprecated',
    'type.person': 'person', 'type.place': 'place', 'type.organization': 'organization',
    'type.other': 'other',
    'memory.placeholder': 'A sentence to find in the memory',
    'memory.from': 'source language', 'memory.to': 'target language',
    'memory.find': 'Look up', 'memory.none': 'No match in the memory.',
    'memory.source': 'source', 'memory.target': 'target',
    'memory.substituted': 'substituted: {0}',
    'memory.concordance': 'Concordance', 'memory.cc_placeholder': 'A word or part of one',
    'memory.search': 'Search', 'memory.cc_none': 'No segment contains “{0}”.',
    'normalize.placeholder': 'Paste a paragraph: the names in it are rewritten to the house spelling',
    'normalize.lang': 'Language', 'normalize.detect': 'detect',
    'normalize.admitted': 'admitted forms too', 'normalize.run': 'Normalize',
    'normalize.copy': 'Copy', 'normalize.copied': 'copied',
    'normalize.none': 'Nothing to change.', 'normalize.kept': 'kept',
    'romanize.title': 'Romanize', 'romanize.placeholder': '윤석열, Зеленський',
    'romanize.text': 'text', 'romanize.name': 'personal name', 'romanize.place': 'place name',
    'romanize.run': 'Romanize',
    'edit.add': 'Add a rendering', 'edit.lang': 'lang', 'edit.form': 'form',
    'edit.save': 'Add', 'edit.status': 'status',
    'error.network': 'The server did not answer.',
    'footer.readonly': 'read-only', 'footer.edit': 'edits allowed',
  },
  uk: {
    'tab.names': 'Назви', 'tab.memory': 'Пам’ять', 'tab.normalize': 'Нормалізація',
    'ui.language': 'Мова',
    'names.placeholder': 'Назва будь-яким письмом: Kiev, 키예프, Києві',
    'names.find': 'Знайти',
    'names.hint': 'Будь-який варіант будь-яким письмом знаходить своє поняття, навіть у відмінку чи з помилкою.',
    'names.none': 'Поняття для «{0}» не знайдено.',
    'match.exact': 'точний збіг', 'match.folded': 'збіг без огляду на регістр і наголоси',
    'match.inflected': 'збіг відмінкової форми', 'match.romanized': 'збіг через інше письмо',
    'match.fuzzy': 'схоже написання',
    'status.preferred': 'рекомендований', 'status.admitted': 'допустимий', 'status.deprecated': 'застарілий',
    'type.person': 'особа', 'type.place': 'місце', 'type.organization': 'організація',
    'type.other': 'інше',
    'memory.placeholder': 'Речення, яке шукати в пам’яті',
    'memory.from': 'мова оригіналу', 'memory.to': 'мова перекладу',
    'memory.find': 'Шукати', 'memory.none': 'У пам’яті збігів немає.',
    'memory.source': 'оригінал', 'memory.target': 'переклад',
    'memory.substituted': 'замінено: {0}',
    'memory.concordance': 'Конкорданс', 'memory.cc_placeholder': 'Слово або його частина',
    'memory.search': 'Шукати', 'memory.cc_none': 'Жоден сегмент не містить «{0}».',
    'normalize.placeholder': 'Вставте абзац: назви в ньому буде переписано за редакційним написанням',
    'normalize.lang': 'Мова', 'normalize.detect': 'визначити',
    'normalize.admitted': 'також допустимі форми', 'normalize.run': 'Нормалізувати',
    'normalize.copy': 'Копіювати', 'normalize.copied': 'скопійовано',
    'normalize.none': 'Змінювати нічого.', 'normalize.kept': 'залишено',
    'romanize.title': 'Транслітерація', 'romanize.placeholder': '윤석열, Зеленський',
    'romanize.text': 'текст', 'romanize.name': 'ім’я людини', 'romanize.place': 'назва місця',
    'romanize.run': 'Транслітерувати',
    'edit.add': 'Додати варіант', 'edit.lang': 'мова', 'edit.form': 'форма',
    'edit.save': 'Додати', 'edit.status': 'статус',
    'error.network': 'Сервер не відповів.',
    'footer.readonly': 'лише читання', 'footer.edit': 'редагування дозволено',
  },
  ko: {
    'tab.names': '이름', 'tab.memory': '번역 메모리', 'tab.normalize': '표기 정리',
    'ui.language': '언어',
    'names.placeholder': '어떤 문자로든 이름: Kiev, 키예프, Києві',
    'names.find': '찾기',
    'names.hint': '어떤 문자로 쓴 표기든, 활용형이나 오타라도 그 개념을 찾습니다.',
    'names.none': '“{0}”에 해당하는 개념이 없습니다.',
    'match.exact': '정확히 일치', 'match.folded': '대소문자·악센트 무시 일치',
    'match.inflected': '활용형 일치', 'match.romanized': '다른 문자 표기 일치',
    'match.fuzzy': '비슷한 철자',
    'status.preferred': '권장', 'status.admitted': '허용', 'status.deprecated': '비권장',
    'type.person': '인물', 'type.place': '장소', 'type.organization': '기관',
    'type.other': '기타',
    'memory.placeholder': '메모리에서 찾을 문장',
    'memory.from': '원문 언어', 'memory.to': '번역 언어',
    'memory.find': '검색', 'memory.none': '메모리에 일치하는 문장이 없습니다.',
    'memory.source': '원문', 'memory.target': '번역',
    'memory.substituted': '치환: {0}',
    'memory.concordance': '용례 검색', 'memory.cc_placeholder': '단어 또는 단어의 일부',
    'memory.search': '검색', 'memory.cc_none': '“{0}”을(를) 포함한 문장이 없습니다.',
    'normalize.placeholder': '문단을 붙여 넣으면 이름을 사내 표기로 고칩니다',
    'normalize.lang': '언어', 'normalize.detect': '자동 감지',
    'normalize.admitted': '허용 표기도 고치기', 'normalize.run': '표기 정리',
    'normalize.copy': '복사', 'normalize.copied': '복사했습니다',
    'normalize.none': '고칠 것이 없습니다.', 'normalize.kept': '유지',
    'romanize.title': '로마자 표기', 'romanize.placeholder': '윤석열, Зеленський',
    'romanize.text': '일반 텍스트', 'romanize.name': '인명', 'romanize.place': '지명',
    'romanize.run': '변환',
    'edit.add': '표기 추가', 'edit.lang': '언어', 'edit.form': '표기',
    'edit.save': '추가', 'edit.status': '상태',
    'error.network': '서버가 응답하지 않았습니다.',
    'footer.readonly': '읽기 전용', 'footer.edit': '편집 허용',
  },
};

let lang = 'en';
let allowEdit = false;
let version = '';
let lastTerm = '';

function t(key, ...args) {
  const text = (MESSAGES[lang] && MESSAGES[lang][key]) || MESSAGES.en[key] || key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

function pickLanguage() {
  const saved = localStorage.getItem('onoma.lang');
  if (saved && MESSAGES[saved]) return saved;
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const primary = String(l).toLowerCase().split('-')[0];
    if (MESSAGES[primary]) return primary;
  }
  return 'en';
}

function applyLanguage() {
  document.documentElement.lang = lang;
  document.getElementById('ui-lang').value = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  for (const node of document.querySelectorAll('[data-i18n-title]')) {
    node.title = t(node.dataset.i18nTitle);
  }
  if (version) {
    document.getElementById('version').textContent =
      'onoma ' + version + ' · ' + t(allowEdit ? 'footer.edit' : 'footer.readonly');
  }
}

// An element with text children: strings become text nodes, never markup.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function show(target, ...nodes) {
  const box = document.getElementById(target);
  box.replaceChildren(...nodes);
}

// data-state on <body>: "ready" when nothing is pending, for a test or a
// script driving the page.
let pending = 0;
async function track(promise) {
  pending += 1;
  document.body.dataset.state = 'busy';
  try {
    await promise;
  } finally {
    pending -= 1;
    if (pending === 0) document.body.dataset.state = 'ready';
  }
}

async function call(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (e) {
    throw new Error(t('error.network'));
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || String(response.status));
  return body;
}

function failure(target, error) {
  show(target, el('p', { class: 'error' }, error.message));
}

// Byte spans of UTF-8 text, as the API gives them, to pieces of the text.
const encoder = new TextEncoder();
const decoder = new TextDecoder();
function marked(text, spans, markClass) {
  const bytes = encoder.encode(text);
  const out = [];
  let at = 0;
  for (const [begin, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (begin < at || end > bytes.length) continue;
    if (begin > at) out.push(decoder.decode(bytes.subarray(at, begin)));
    out.push(el('mark', markClass ? { class: markClass } : {},
                decoder.decode(bytes.subarray(begin, end))));
    at = end;
  }
  if (at < bytes.length) out.push(decoder.decode(bytes.subarray(at)));
  return out;
}

// --- names -------------------------------------------------------------------

function statusBadge(status) {
  return el('span', { class: 'status status-' + status }, t('status.' + status));
}

function conceptCard(concept) {
  const head = el('div', { class: 'card-head' },
    el('span', { class: 'slug' }, concept.slug),
    el('span', { class: 'tag' }, t('type.' + concept.type)));
  if (concept.match) {
    head.append(el('span', { class: 'tag' }, t('match.' + concept.match)),
                el('span', { class: 'score' }, String(concept.score)));
    if (concept.matched) head.append(el('span', { class: 'tag' }, concept.matched));
  }
  const table = el('table', { class: 'terms' });
  let previous = '';
  for (const term of concept.terms) {
    const status = allowEdit ? statusSelect(concept, term) : statusBadge(term.status);
    const row = el('tr', { class: 'term', 'data-lang': term.lang },
      el('td', { class: 'lang' }, term.lang === previous ? '' : term.lang),
      el('td', { class: 'form ' + term.status }, term.form),
      el('td', {}, status),
      el('td', { class: 'note' }, term.term_type === 'fullForm' ? '' : term.term_type + ' ',
         term.note || ''));
    table.append(row);
    previous = term.lang;
  }
  const card = el('div', { class: 'card concept', 'data-slug': concept.slug }, head, table);
  if (allowEdit) card.append(addForm(concept));
  return card;
}

function statusSelect(concept, term) {
  const select = el('select', { 'aria-label': t('edit.status') });
  for (const s of ['preferred', 'admitted', 'deprecated']) {
    const option = el('option', { value: s }, t('status.' + s));
    if (s === term.status) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => track(edit('/api/term/edit', {
    concept: concept.slug, lang: term.lang, form: term.form, status: select.value,
  })));
  return select;
}

function addForm(concept) {
  const langInput = el('input', { size: '4', placeholder: t('edit.lang') });
  const formInput = el('input', { placeholder: t('edit.form') });
  const status = el('select', {});
  for (const s of ['preferred', 'admitted', 'deprecated']) {
    status.append(el('option', { value: s }, t('status.' + s)));
  }
  const form = el('form', { class: 'edit' }, t('edit.add') + ':', langInput, formInput,
                  status, el('button', { type: 'submit' }, t('edit.save')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    track(edit('/api/term/add', {
      concept: concept.slug, lang: langInput.value.trim(),
      form: formInput.value.trim(), status: status.value, type: concept.type,
    }));
  });
  return form;
}

async function edit(url, body) {
  try {
    await call(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
                      body: JSON.stringify(body) });
    await lookupTerm(lastTerm);
  } catch (e) {
    // The concept stays shown, the refusal above it.
    const box = document.getElementById('term-result');
    for (const old of box.querySelectorAll('.error')) old.remove();
    box.prepend(el('p', { class: 'error' }, e.message));
  }
}

async function lookupTerm(q) {
  lastTerm = q;
  if (!q) return;
  try {
    const answer = await call('/api/term/lookup?q=' + encodeURIComponent(q));
    if (answer.concepts.length === 0) {
      show('term-result', el('p', { class: 'empty' }, t('names.none', answer.query)));
    } else {
      show('term-result', ...answer.concepts.map(conceptCard));
    }
  } catch (e) {
    failure('term-result', e);
  }
}

// --- memory ------------------------------------------------------------------

async function lookupMemory(q, from, to) {
  if (!q) return;
  const url = '/api/tm/lookup?from=' + encodeURIComponent(from) + '&to=' +
              encodeURIComponent(to) + '&q=' + encodeURIComponent(q);
  try {
    const answer = await call(url);
    if (answer.matches.length === 0) {
      show('tm-result', el('p', { class: 'empty' }, t('memory.none')));
      return;
    }
    show('tm-result', ...answer.matches.map((m) => {
      const subs = m.substitutions.map((s) => s.from + ' → ' + s.to).join(', ');
      return el('div', { class: 'card match' },
        el('div', { class: 'card-head' }, el('span', { class: 'score' }, m.score + '%'),
           m.tuid ? el('span', { class: 'tag' }, m.tuid) : null),
        el('div', { class: 'segment source' }, el('span', { class: 'label' }, t('memory.source')),
           ...marked(m.source, m.differences, '')),
        el('div', { class: 'segment target' }, el('span', { class: 'label' }, t('memory.target')),
           ...marked(m.target, m.substitutions.flatMap((s) => s.in_target), 'sub')),
        subs ? el('div', { class: 'subs' }, t('memory.substituted', subs)) : null);
    }));
  } catch (e) {
    failure('tm-result', e);
  }
}

async function concordance(q) {
  if (!q) return;
  try {
    const answer = await call('/api/tm/concordance?q=' + encodeURIComponent(q));
    if (answer.hits.length === 0) {
      show('cc-result', el('p', { class: 'empty' }, t('memory.cc_none', answer.query)));
      return;
    }
    show('cc-result', ...answer.hits.map((h) => el('div', { class: 'card hit' },
      el('div', { class: 'segment' }, el('span', { class: 'label' }, h.lang),
         ...marked(h.source, h.match_bytes, '')),
      ...h.targets.map((other) => el('div', { class: 'segment' },
         el('span', { class: 'label' }, other.lang), other.text)))));
  } catch (e) {
    failure('cc-result', e);
  }
}

// --- normalize and romanize ---------------------------------------------------

let normalizedText = '';

async function normalizeText(text, textLang, admitted) {
  try {
    const answer = await call('/api/normalize', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, lang: textLang, admitted }),
    });
    normalizedText = answer.text;
    document.getElementById('norm-copy').disabled = false;
    const box = el('div', { class: 'normalized', id: 'norm-output' });
    if (answer.pieces.length > 0) {
      for (const piece of answer.pieces) {
        if (piece.change === undefined) {
          box.append(piece.text);
          continue;
        }
        const c = answer.changes[piece.change];
        box.append(el('mark', {
          class: c.applied ? 'applied' : 'kept',
          title: c.found + ' → ' + (c.replacement || '?') + ' (' + c.reason + ')',
        }, piece.text));
      }
    } else {
      box.append(answer.text);
    }
    const list = el('ol', { class: 'changes' }, ...answer.changes.map((c) => el('li', {},
      c.found + ' → ' + (c.applied ? c.replacement : (c.replacement || '?') + ' (' + t('normalize.kept') + ')') + ' ',
      el('span', { class: 'reason' }, '[' + c.reason + ']'))));
    show('norm-result', box,
         answer.changes.length ? list : el('p', { class: 'empty' }, t('normalize.none')));
  } catch (e) {
    failure('norm-result', e);
  }
}

async function copyNormalized() {
  try {
    await navigator.clipboard.writeText(normalizedText);
  } catch (e) {
    const area = el('textarea', {});
    area.value = normalizedText;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  document.getElementById('norm-copied').textContent = t('normalize.copied');
}

async function romanize(q, scheme, kind) {
  if (!q) return;
  const url = '/api/romanize?scheme=' + encodeURIComponent(scheme) + '&kind=' +
              encodeURIComponent(kind) + '&q=' + encodeURIComponent(q);
  try {
    const answer = await call(url);
    show('rom-result', el('div', { class: 'romanized' }, answer.text));
  } catch (e) {
    failure('rom-result', e);
  }
}

// --- page ---------------------------------------------------------------------

function selectTab(name) {
  for (const section of document.querySelectorAll('section.tab')) {
    section.hidden = section.id !== name;
  }
  for (const button of document.querySelectorAll('#tabs button')) {
    button.setAttribute('aria-selected', String(button.dataset.tab === name));
  }
}

function setAddress(params, tab) {
  const url = new URL(location.href);
  url.search = new URLSearchParams(params).toString();
  url.hash = tab === 'normalize' ? '#normalize' : '';
  history.replaceState(null, '', url);
}

function bind() {
  document.getElementById('ui-lang').addEventListener('change', (event) => {
    lang = event.target.value;
    localStorage.setItem('onoma.lang', lang);
    applyLanguage();
    const q = document.getElementById('term-q').value.trim();
    if (q) track(lookupTerm(q));
  });
  for (const button of document.querySelectorAll('#tabs button')) {
    button.addEventListener('click', () => {
      selectTab(button.dataset.tab);
      if (button.dataset.tab === 'normalize') setAddress({}, 'normalize');
    });
  }
  document.getElementById('term-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = document.getElementById('term-q').value.trim();
    setAddress({ q }, 'names');
    track(lookupTerm(q));
  });
  document.getElementById('tm-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = document.getElementById('tm-q').value.trim();
    const from = document.getElementById('tm-from').value.trim();
    const to = document.getElementById('tm-to').value.trim();
    setAddress({ tm: q, from, to }, 'memory');
    track(lookupMemory(q, from, to));
  });
  document.getElementById('cc-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = document.getElementById('cc-q').value.trim();
    setAddress({ cc: q }, 'memory');
    track(concordance(q));
  });
  document.getElementById('norm-form').addEventListener('submit', (event) => {
    event.preventDefault();
    track(normalizeText(document.getElementById('norm-text').value,
                        document.getElementById('norm-lang').value,
                        document.getElementById('norm-admitted').checked));
  });
  document.getElementById('norm-copy').addEventListener('click', () => track(copyNormalized()));
  document.getElementById('rom-form').addEventListener('submit', (event) => {
    event.preventDefault();
    track(romanize(document.getElementById('rom-q').value.trim(),
                   document.getElementById('rom-scheme').value,
                   document.getElementById('rom-kind').value));
  });
}

async function start() {
  pending += 1;
  lang = pickLanguage();
  applyLanguage();
  bind();
  const work = [];
  work.push(call('/api/version').then((v) => {
    allowEdit = v.allow_edit;
    version = v.version;
    applyLanguage();
  }).catch(() => {}));
  work.push(call('/api/schemes').then((answer) => {
    const select = document.getElementById('rom-scheme');
    for (const s of answer.schemes) {
      select.append(el('option', { value: s.id, title: s.description }, s.id));
    }
  }).catch(() => {}));
  await Promise.all(work);

  // A query in the address runs on load, so that a link can be sent.
  const params = new URLSearchParams(location.search);
  const runs = [];
  if (params.get('tm') || params.get('cc')) {
    selectTab('memory');
    if (params.get('tm')) {
      document.getElementById('tm-q').value = params.get('tm');
      if (params.get('from')) document.getElementById('tm-from').value = params.get('from');
      if (params.get('to')) document.getElementById('tm-to').value = params.get('to');
      runs.push(lookupMemory(params.get('tm'), document.getElementById('tm-from').value,
                             document.getElementById('tm-to').value));
    }
    if (params.get('cc')) {
      document.getElementById('cc-q').value = params.get('cc');
      runs.push(concordance(params.get('cc')));
    }
  } else if (location.hash === '#normalize') {
    selectTab('normalize');
  } else {
    selectTab('names');
    if (params.get('q')) {
      document.getElementById('term-q').value = params.get('q');
      runs.push(lookupTerm(params.get('q')));
    }
  }
  await Promise.all(runs);
}

document.addEventListener('DOMContentLoaded', () => {
  start().finally(() => {
    pending -= 1;
    if (pending === 0) document.body.dataset.state = 'ready';
  });
});
