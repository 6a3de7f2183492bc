// NLP.js ships no type declarations; these cover the part the intent classifier uses.
declare module '@nlpjs/core' {
  export interface NlpContainer {
    use(plugin: unknown): void;
    get(name: 'nlp'): import('@nlpjs/nlp').NlpEngine;
  }
  export function containerBootstrap(settings?: Record<string, unknown>): Promise<NlpContainer>;
}

declare module '@nlpjs/nlp' {
  export interface NlpClassification {
    readonly intent: string;
    readonly score: number;
  }
  export interface NlpEngine {
    settings: Record<string, unknown>;
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<{ classifications: NlpClassification[] }>;
  }
  export const Nlp: unknown;
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
