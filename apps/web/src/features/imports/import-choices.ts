import type { BlueprintKind } from '../blueprints/api/blueprint-types';
import type { ImportItemChoice, ImportPreviewItem } from './api/imports-api';

/** What the author decided for one item: its format and kind (detected unless changed), or to skip it. */
export interface ItemChoice {
  skip: boolean;
  /** '' when nothing was detected and no format chosen yet. */
  format: string;
  /** '' until a format is chosen for an unknown item. */
  kind: BlueprintKind | '';
}

/** Recognised items are imported as detected; the others are skipped until the author picks a format. */
export function initialChoice(item: ImportPreviewItem): ItemChoice {
  return {
    skip: item.status !== 'ready',
    format: item.detection?.format ?? '',
    kind: item.detection?.kind ?? '',
  };
}

/** The item as the import request takes it: overrides only where the author changed the detection. */
export function requestChoice(item: ImportPreviewItem, choice: ItemChoice): ImportItemChoice {
  if (choice.skip) return { path: item.path, skip: true };
  return {
    path: item.path,
    ...(choice.format && choice.format !== item.detection?.format ? { format: choice.format } : {}),
    ...(choice.kind && choice.kind !== item.detection?.kind ? { kind: choice.kind } : {}),
  };
}
