import type { SupportLanguage } from 'prettier';

/** The `.ot` language as prettier (and editors running prettier) know it. */
export const languages: SupportLanguage[] = [
  {
    name: 'ot',
    parsers: ['ot'],
    extensions: ['.ot'],
    vscodeLanguageIds: ['ot'],
  },
];
