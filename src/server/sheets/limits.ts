// The refusals of an upload that passes one of UPLOAD_LIMITS (domain/uploads/limits.ts): 413, with a
// message naming the limit in the caller's language.

import { bytesText, countText, UPLOAD_LIMITS } from '../../domain/uploads/limits';
import { AppError } from '../platform/errors';

type Found = { found: number };

export const tooManyRows = ({ found }: Found) =>
  new AppError('too_large', 'upload.limit.rows', { limit: countText(UPLOAD_LIMITS.rows), found });
export const tooManyColumns = ({ found }: Found) =>
  new AppError('too_large', 'upload.limit.columns', { limit: countText(UPLOAD_LIMITS.columns), found });
export const tooManyCells = () =>
  new AppError('too_large', 'upload.limit.cells', { limit: countText(UPLOAD_LIMITS.cells) });
export const tooManyMerges = () =>
  new AppError('too_large', 'upload.limit.merges', { limit: countText(UPLOAD_LIMITS.merges) });
export const tooManyMergedCells = () =>
  new AppError('too_large', 'upload.limit.merged_cells', { limit: countText(UPLOAD_LIMITS.mergedCells) });
/** A part of the file (xl/sharedStrings.xml) that inflates past its limit. */
export const partTooLarge = (part: string, limit: number) =>
  new AppError('too_large', 'upload.limit.part', { part, limit: bytesText(limit) });
