/* Search worker for this site, in place of Material for MkDocs' Lunr worker (sitebuild/search.py
   points Material's search at this file; README "Search" says why).

   Material's search UI (dialog, result list, keyboard, highlighting) stays; it talks to its
   worker with four messages (Material 9.8.2, integrations/search/worker/message):
     {type: 0 SETUP, data: {config, docs, options}}  ->  {type: 1 READY}
     {type: 2 QUERY, data: "what the reader typed"}   ->  {type: 3 RESULT, data: {items, suggest?}}
   items is a list of groups (one per page) of documents {location, title, text, score, terms};
   Material shows a group's first document without "#" in its location big, or, when every
   document has one, the group's last: that is where the best section goes, so the answer's
   heading is what the reader sees first. tests/test_search.py fails if this contract changes.

   Why not Lunr: Material segments Chinese with jieba at build time but greedily against the
   index at query time, so the two disagree; Latin glued to Chinese becomes one token; code
   tokens keep their punctuation. Here the index and the query go through the same tokenizer,
   in this file: Chinese as character bigrams (no dictionary), code whole and split. */
"use strict";

var HAN_OR_WORD = /[\u3400-\u9fff\uf900-\ufaff]+|[^\s\u3400-\u9fff\uf900-\ufaff]+/g;
var HAN = /^[\u3400-\u9fff\uf900-\ufaff]/;

/* Words a question is made of, not what it is about. Cut out of a Chinese run before it is
   split into bigrams, longest first, so "什么是激活函数" searches for 激活函数 only and a title
   such as "什么是激活函数" gets no credit for 什么. */
var QUESTION_WORDS = [
  "是什么意思", "什么意思", "有什么", "什么是", "是什么", "为什么", "为啥", "什么", "怎么办", "怎么",
  "怎样", "如何", "作用", "意思", "含义", "区别", "差别", "不同", "关系", "联系", "用法", "请问",
  "一下", "报错", "错误", "出现", "解决", "问题", "时候", "哪些", "哪个", "可以", "需要", "还要",
  "应该", "这个", "那个", "一个", "我的", "为了", "的", "了", "吗", "呢", "吧", "啊", "是", "和",
  "与", "跟", "及", "或", "在", "把", "被", "就", "都", "要", "用", "我", "你", "么", "会", "能",
];
/* Latin words that say nothing about a page: articles, and the exception class a pasted error
   starts with (the site's entries are titled by the message, not by its class). */
var LATIN_STOP = new Set([
  "a", "an", "the", "of", "to", "in", "on", "is", "are", "be", "been", "was", "and", "or", "for",
  "with", "at", "by", "as", "it", "its", "this", "that", "from", "what", "how", "why", "vs",
  "error", "warning", "exception", "traceback", "runtimeerror", "valueerror", "typeerror",
  "indexerror", "keyerror", "attributeerror", "userwarning",
]);

/* What kind of answer a question asks for, told by its question words; a heading that asks or
   answers the same ("为什么分类不用均方误差", "1. 核心定义", "两大 API 并排对比") is written as
   the answer to it. */
var ASKS = { why: /为什么|为啥/, what: /什么是|是什么|意思|含义|定义$/, compare: /区别|差别|不同|对比/ };
/* Abbreviations the glossary gives for a term: a section that writes either form holds both. */
var SYNONYMS = [["mse", "均方误差"], ["ce", "交叉熵"]];

var K1 = 1.2, B = 0.75;      // BM25 over a section's text
var TITLE = 1.6;             // a term in the heading counts as much as a few in the text
var PHRASE = 0.6;            // the query's Chinese run found unbroken: that much again
var WEAK = 0.42;             // less than this share of the query's weight matched, by a section
                             // whose heading the query does not hold: say so
var WHOLE_TITLE = 1.0;       // every word of the heading, or of one part of it either side of
                             // its "：" (question words aside), asked for: "1. 动态图：代码怎么走"
var ASKED = 1.0;             // the heading asks (or answers) the query's kind of question about
                             // one of its words, and the section holds most of the query's words
var INTRO = 0.3;             // a page's intro says what its sections explain: within its page, a
                             // section scoring this share of the intro's score comes first
var FOCUS = 0.3;            // a page's second-best section adds this share to its rank
var EXERCISES = "动手练习";   // exercise sections repeat their lesson's words: half weight
var GLOSSARY = /^glossary(\/|\.html)/;  // a definition that links to its lesson: the lesson first,
var GLOSSARY_SHARE = 1 / 3;             // even where its heading is all the query asks

var docs = [], df = new Map(), avgLength = 1, idfMax = 1, suggestOn = false;
var headings = "";  // every heading, normalised: the site's words as it writes them

/* Curly quotes and full-width forms as the site writes them, lower case. */
function normalise(text) {
  return text.normalize("NFKC").toLowerCase()
    .replace(/[\u2018\u2019\u2032`]/g, "'").replace(/[\u201c\u201d\u2033]/g, '"');
}

/* The index holds a little HTML (<p>, <code>, entities): plain text for matching and teasers. */
function plain(html) {
  return html.replace(/<[^>]*>/g, " ").replace(/\u200b/g, "")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
}

/* A code word, whole and in parts: "optimizer.zero_grad()" gives optimizer.zero_grad, then
   optimizer and zero_grad, then zero and grad. A reader types any of these. */
function codeTerms(word) {
  var whole = word.replace(/^[^a-z0-9_]+|[^a-z0-9_]+$/g, "");
  if (!whole) return [];
  var out = [[whole, 0]];
  var parts = whole.split(/[^a-z0-9_]+/).filter(Boolean);
  parts.forEach(function (part) {
    if (parts.length > 1) out.push([part, 1]);
    var pieces = part.split("_").filter(Boolean);
    if (pieces.length > 1) pieces.forEach(function (piece) { out.push([piece, 2]); });
  });
  return out;
}

/* The one tokenizer, for the index and the query alike. Returns [{term, level, group}]:
   level 0 a whole word or a bigram, 1 a part, 2 a piece of a part; group numbers the word or
   Chinese run the term came from. In a query, question words are cut out first (index: none,
   so a section's text keeps every bigram). */
function tokenize(text, query) {
  var out = [], group = 0, segments = [], asked = [];
  (normalise(text).match(HAN_OR_WORD) || []).forEach(function (run) {
    if (!HAN.test(run)) {
      codeTerms(run).forEach(function (t) {
        if (!(query && LATIN_STOP.has(t[0]))) out.push({ term: t[0], level: t[1], group: group });
      });
      if (codeTerms(run).length) segments.push(run);  // "？" or "<" is not a search term
      group++;
      return;
    }
    (query ? cutQuestionWords(run, asked) : [run]).forEach(function (seg) {
      if (seg.length === 1) out.push({ term: seg, level: 0, group: group });
      for (var i = 0; i + 1 < seg.length; i++)
        out.push({ term: seg.slice(i, i + 2), level: 0, group: group });
      if (!query) for (var j = 0; j < seg.length; j++) out.push({ term: seg[j], level: 1, group: group });
      segments.push(seg);
      group++;
    });
  });
  out.segments = segments;  // what the reader sees as the query's terms
  out.asks = asks(asked.join(" "));
  out.latin = (normalise(text).match(/[^\s\u3400-\u9fff\uf900-\ufaff]+(\s+[^\s\u3400-\u9fff\uf900-\ufaff]+)+/g) || [])
    .map(function (run) { return run.replace(/\s+/g, ""); });
  return out;
}

/* A one-character word is left where it and a neighbour are written so in one of the site's
   headings (能 in 万能逼近定理, 和 in 求和); a particle never is (的 would join 函数的特点). */
var PARTICLES = "的了是吗呢吧啊么";
function cutQuestionWords(run, asked) {
  var segments = [], current = "";
  for (var i = 0; i < run.length;) {
    var word = QUESTION_WORDS.find(function (w) {
      return run.startsWith(w, i) && !(w.length === 1 && !PARTICLES.includes(w) && (
        (current && headings.includes(current.slice(-1) + w)) ||
        (i + 1 < run.length && headings.includes(run.slice(i, i + 2)))));
    });
    if (word) { if (current) segments.push(current); current = ""; i += word.length; asked.push(word); }
    else { current += run[i]; i++; }
  }
  if (current) segments.push(current);
  return segments;
}

function asks(text) {
  return Object.keys(ASKS).filter(function (kind) { return ASKS[kind].test(text); });
}

function countTerms(tokens) {
  var counts = new Map();
  tokens.forEach(function (t) { counts.set(t.term, (counts.get(t.term) || 0) + 1); });
  return counts;
}

function setup(data) {
  var pages = new Map();
  docs = data.docs.map(function (doc) {
    var path = doc.location.split("#")[0];
    var title = plain(doc.title), text = plain(doc.text);
    var entry = {
      location: doc.location, path: path, title: title, text: text, intro: !doc.location.includes("#"),
      flat: normalise(title + " " + text).replace(/\s+/g, ""), asks: asks(normalise(title)),
      titleTerms: withSynonyms(tokenize(title), normalise(title)),
      textTerms: withSynonyms(tokenize(text), normalise(text)),
    };
    entry.length = Array.from(entry.textTerms.values()).reduce(function (a, b) { return a + b; }, 0);
    if (!pages.has(path)) pages.set(path, entry);
    return entry;
  });
  headings = "";  // a heading's own one-character words are cut from it (cutQuestionWords)
  docs.forEach(function (doc) {  // numbers in a heading are an example's: "Target 3 is out of bounds"
    doc.titleParts = doc.title.split("：").map(function (part) {
      return tokenize(part, true).filter(function (t) { return t.level === 0 && !/^[0-9x]+$/.test(t.term); })
        .map(function (t) { return t.term.replace(/[=(].*$/, ""); });  // retain_graph=true: its name
    }).filter(function (words) { return words.length; });
  });
  headings = docs.map(function (doc) { return normalise(doc.title); }).join("\n");
  df = new Map();
  var total = 0;
  docs.forEach(function (doc) {
    doc.page = pages.get(doc.path);
    total += doc.length;
    new Set(Array.from(doc.titleTerms.keys()).concat(Array.from(doc.textTerms.keys())))
      .forEach(function (term) { df.set(term, (df.get(term) || 0) + 1); });
  });
  avgLength = total / Math.max(docs.length, 1) || 1;
  idfMax = idf(0);
  suggestOn = !!(data.options && data.options.suggest);
}

/* Term counts, with each form of a SYNONYMS pair counted as often as the other appears. */
function withSynonyms(tokens, text) {
  var counts = countTerms(tokens);
  SYNONYMS.forEach(function (pair) {
    var latin = counts.get(pair[0]) || 0, han = text.split(pair[1]).length - 1;
    if (han) counts.set(pair[0], latin + han);
    if (latin) tokenize(pair[1]).filter(function (t) { return t.level === 0; }).forEach(function (t) {
      counts.set(t.term, (counts.get(t.term) || 0) + latin);
    });
  });
  return counts;
}

function idf(count) {
  return Math.log(1 + (docs.length - count + 0.5) / (count + 0.5));
}

/* What each query term is worth. A whole code word the site never writes gives its weight to
   its parts (and a part to its pieces); sizes and other bare numbers from a pasted error count
   for little; a word the site never uses counts for less (a Chinese bigram is likely filler of
   the question, a Latin one a detail of a long pasted message), but still counts: a query made
   of such words is one the site cannot answer. */
function weigh(tokens) {
  var byGroup = new Map();
  tokens.forEach(function (t) {
    if (!byGroup.has(t.group)) byGroup.set(t.group, []);
    byGroup.get(t.group).push(t);
  });
  var weighted = new Map();
  byGroup.forEach(function (terms) {
    var level = 0;
    while (level < 2 && terms.some(function (t) { return t.level === level; }) &&
           terms.filter(function (t) { return t.level === level; })
             .every(function (t) { return !df.has(t.term); }) &&
           terms.some(function (t) { return t.level === level + 1; })) level++;
    var bigrams = terms.filter(function (t) { return HAN.test(t.term) && t.term.length === 2; });
    terms.forEach(function (t) {
      var w = t.level === level ? 1 : t.level === level + 1 ? 0.4 : 0;
      // a bigram rarer than both its neighbours most likely straddles two words (存一 in
      // 内存一直, 活函 in 激活函数): a rare match there is chance, not the reader's word
      var at = bigrams.indexOf(t), df0 = df.get(t.term) || 0;
      if (at > 0 && at + 1 < bigrams.length && (df.get(bigrams[at - 1].term) || 0) > df0 &&
          (df.get(bigrams[at + 1].term) || 0) > df0) w *= 0.3;
      if (/^[0-9x]+$/.test(t.term)) w *= 0.2;
      if (!df.has(t.term)) w *= HAN.test(t.term) ? 0.3 : 0.5;
      var value = w * (df.has(t.term) ? idf(df.get(t.term)) : idfMax);
      if (value > 0) weighted.set(t.term, Math.max(weighted.get(t.term) || 0, value));
    });
  });
  return weighted;
}

function scoreDoc(doc, weighted, segments, asked, wanted) {
  var score = 0, matched = 0, titleHit = false;
  weighted.forEach(function (w, term) {
    var tf = doc.textTerms.get(term) || 0, inTitle = doc.titleTerms.has(term);
    if (!tf && !inTitle) return;
    matched += w;
    titleHit = titleHit || inTitle;
    score += w * (tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc.length / avgLength)) + (inTitle ? TITLE : 0));
  });
  segments.forEach(function (seg) {
    if (seg.length > 1 && HAN.test(seg) && doc.flat.includes(seg))
      score += PHRASE * score / Math.max(segments.length, 1);
  });
  // words typed together ("with torch.no_grad()") found together
  (segments.latin || []).forEach(function (run) { if (doc.flat.includes(run)) score += PHRASE * score; });
  var whole = doc.titleParts.filter(function (words) {
    return words.every(function (t) { return weighted.has(t); });
  });
  if (whole.length) score += WHOLE_TITLE * score;
  if (asked && matched >= WEAK * wanted && asked.some(function (kind) { return doc.asks.indexOf(kind) >= 0; }))
    score += ASKED * score;
  if (doc.title === EXERCISES) score *= 0.5;
  if (GLOSSARY.test(doc.location)) score *= GLOSSARY_SHARE;
  // a heading of three words or more that the query holds is an answer however long the query
  var holds = whole.some(function (words) { return words.length >= 3; });
  return { score: score, matched: matched, holds: holds };
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/* One pattern for the words a result marks, longest first, built once per query. */
function markPattern(words) {
  var unique = Array.from(new Set(words)).sort(function (a, b) { return b.length - a.length; });
  return unique.length ? new RegExp(unique.map(function (w) {
    return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }).join("|"), "gi") : null;
}

/* Plain text, escaped, with the matched words marked, cut to a window around the first. */
function mark(text, pattern, limit) {
  var first = pattern ? text.search(pattern) : -1;
  var start = limit && first > 40 ? first - 30 : 0;
  var cut = limit ? text.slice(start, start + limit) : text;
  var html = "", last = 0;
  if (pattern) cut.replace(pattern, function (match, at) {
    html += escapeHtml(cut.slice(last, at)) + "<mark>" + escapeHtml(match) + "</mark>";
    last = at + match.length;
    return match;
  });
  html += escapeHtml(cut.slice(last));
  return (start ? "…" : "") + html + (limit && start + limit < text.length ? "…" : "");
}

function item(doc, result, pattern, segments) {
  var terms = {};
  segments.forEach(function (seg) { terms[seg] = doc.flat.includes(seg.replace(/\s+/g, "")); });
  return {
    location: doc.location, score: result.score, terms: terms,
    title: mark(doc.title, pattern, 0), text: mark(doc.text, pattern, 180),
  };
}

/* Said instead of a list of near misses. The two pages' URLs differ between the site
   ("mistakes/") and the offline edition ("mistakes/index.html"): taken from the index. */
function nothing() {
  function page(names) {
    var doc = docs.find(function (d) { return names.indexOf(d.location) >= 0; });
    return doc ? doc.location : names[0];
  }
  return [
    [{ location: page(["mistakes/", "mistakes/index.html"]), score: 0, terms: {},
       title: "没有找到足够相关的内容：看看「常见错误」",
       text: "站内没有一节能回答这个搜索。粘贴的报错，先在常见错误里按类别找它的条目；也可以换个说法，或只搜其中的关键词（如 backward、softmax、梯度）。" }],
    [{ location: page(["glossary/", "glossary.html"]), score: 0, terms: {},
       title: "或者在「术语表」里查一个词",
       text: "术语表按出现顺序列出每个术语的定义，并链接到讲它的那一页。" }],
  ];
}

/* A page's rank: the document it shows first; for a bare term, plus a share of its next one,
   so that the page about the term (several sections on it) comes before one that names it. */
function rank(group, topic) {
  return group[0].result.score + (topic && group[1] ? FOCUS * group[1].result.score : 0);
}

function search(query) {
  var tokens = tokenize(query, true);
  var segments = tokens.segments.filter(function (s) { return s.trim(); });
  segments.latin = tokens.latin;
  if (!tokens.length) return { items: [] };
  var weighted = weigh(tokens);
  var wanted = Array.from(weighted.values()).reduce(function (a, b) { return a + b; }, 0);
  var scored = docs.map(function (doc) { return { doc: doc, result: scoreDoc(doc, weighted, segments, tokens.asks, wanted) }; })
    .filter(function (s) { return s.result.score > 0; })
    .sort(function (a, b) { return b.result.score - a.result.score; });
  var best = scored[0] && scored[0].result;
  if (!best || (best.matched < WEAK * wanted && !best.holds)) return { items: nothing() };

  var pattern = markPattern(Array.from(weighted.keys()).concat(segments.map(normalise))
    .filter(function (w) { return w.length > 1 || HAN.test(w); }));
  var groups = new Map();
  scored.forEach(function (s) {
    if (!groups.has(s.doc.path)) groups.set(s.doc.path, []);
    groups.get(s.doc.path).push(s);
  });
  var topic = segments.length === 1;  // a bare term: the reader wants the page about it
  // A page is ranked by the document it shows first: its intro, or the section that comes
  // before the intro (the answer, rather than the page that contains it).
  var ranked = Array.from(groups.values()).map(function (group) {
    var section = group.find(function (s) { return !s.doc.intro; });
    if (group[0].doc.intro && section && section.result.score >= INTRO * group[0].result.score)
      group = [section].concat(group.filter(function (s) { return s !== section; }));
    return group;
  }).sort(function (a, b) { return rank(b, topic) - rank(a, topic); });
  var items = ranked.slice(0, 12).map(function (group) {
    var best = group[0];
    var others = group.slice(1, 6).filter(function (s) {
      return s.result.score >= 0.2 * best.result.score && (s.doc.location.includes("#") || !best.doc.location.includes("#"));
    });
    // Material shows the last document big when all have "#": the best one goes last.
    return others.concat([best]).map(function (s) { return item(s.doc, s.result, pattern, segments); });
  });
  var result = { items: items };
  if (suggestOn) result.suggest = suggest(query);
  return result;
}

/* Completes the last code word being typed from the headings' words (Material shows it in the
   box; the right arrow key accepts it). */
function suggest(query) {
  var last = normalise(query).split(/[\s-]+/).pop();
  if (!/^[a-z_][a-z0-9_.]+$/.test(last)) return [];
  var best = null;
  docs.forEach(function (doc) {
    doc.titleTerms.forEach(function (_, term) {
      if (term.length > last.length && term.startsWith(last) && (!best || df.get(term) > df.get(best))) best = term;
    });
  });
  return best ? [best] : [];
}

/* In a Worker, or in the iframe the offline edition's iframe-worker polyfill runs it in. */
addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === 0) {
      setup(message.data);
      postMessage({ type: 1 });
    } else if (message.type === 2) {
      var data;
      try { data = search(message.data); } catch (error) { console.warn(error); data = { items: [] }; }
      postMessage({ type: 3, data: data });
    }
});
