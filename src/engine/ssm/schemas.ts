import { z } from 'zod';

/** Members as the SSM API reference constrains them. */
export const parameterNameSchema = z.string().min(1).max(2048);
export const parameterTypeSchema = z.enum(['String', 'StringList', 'SecureString']);
export const parameterTierSchema = z.enum(['Standard', 'Advanced', 'Intelligent-Tiering']);
export const keyIdSchema = z.string().min(1).max(256).regex(/^([a-zA-Z0-9:/_-]+)$/);
export const descriptionSchema = z.string().max(1024);
export const tagSchema = z.object({
  key: z.string().min(1).max(128).regex(/^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u),
  value: z.string().max(256).regex(/^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u),
});
export const nextTokenSchema = z.string().max(1024);
/**
 * The parameter's value is sensitive: never logged. So is SourceResult, which carries a referenced secret's value
 * (secret-reference.ts).
 */
export const SENSITIVE = ['value', 'sourceResult'] as const;
