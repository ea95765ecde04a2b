// The English UI strings, a chunk of their own (see resources.ts).
import { LABELS } from '../../../shared/labels.ts';
import { mergeStrings, type Tree } from './resources.ts';

export const enStrings = { ...mergeStrings(import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' })), skills: LABELS.en.skill };
