/**
 * @latch/localizations: the strings of Latch's components. Pass one to `<LatchProvider localization>`;
 * partial objects merge over English.
 *
 * @example
 * import { plPL } from '@latch/localizations';
 * <LatchProvider localization={plPL}>…</LatchProvider>
 */
export { deDE } from './de-de.js';
export { enUS, type LatchLocalization } from './en-us.js';
export { esES } from './es-es.js';
export { frFR } from './fr-fr.js';
export { interpolate, type LocalizationResource, mergeLocalization } from './merge-localization.js';
export { plPL } from './pl-pl.js';
