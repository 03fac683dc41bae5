// Errors cross every host boundary as this small union. `key` is an i18n key (namespace "errors")
// that the renderer and the CLI translate; `params` fill its placeholders. Never put a secret here.
import { z } from 'zod';

export const errorKinds = ['validation', 'not_found', 'conflict', 'forbidden', 'provider', 'internal'] as const;
export type ErrorKind = (typeof errorKinds)[number];

export const apiErrorSchema = z.object({
  kind: z.enum(errorKinds),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** For `validation`: where in the input, and what (already translated keys). */
  issues: z.array(z.object({ path: z.string(), key: z.string(), message: z.string().optional() })).optional(),
});
export type ApiErrorShape = z.infer<typeof apiErrorSchema>;

export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly key: string;
  readonly params: Record<string, string | number> | undefined;
  readonly issues: ApiErrorShape['issues'];

  constructor(kind: ErrorKind, key: string, params?: Record<string, string | number>, issues?: ApiErrorShape['issues']) {
    super(`${kind}: ${key}${params ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'ApiError';
    this.kind = kind;
    this.key = key;
    this.params = params;
    this.issues = issues;
  }

  toJSON(): ApiErrorShape {
    return { kind: this.kind, key: this.key, ...(this.params ? { params: this.params } : {}), ...(this.issues ? { issues: this.issues } : {}) };
  }

  static from(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.kind, shape.key, shape.params, shape.issues);
  }
}

/** Anything thrown inside a host becomes an ApiError; unknown errors become `internal` without their text. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof z.ZodError) {
    return new ApiError(
      'validation',
      'errors.validation.invalidInput',
      undefined,
      err.issues.map((i) => ({ path: i.path.join('.'), key: 'errors.validation.field', message: i.message })),
    );
  }
  return new ApiError('internal', 'errors.internal');
}
