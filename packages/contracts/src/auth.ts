import { z } from 'zod';
import { UserSchema } from './user.ts';

/** Emails are compared and stored lower-cased and trimmed. */
export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** Upper bound keeps a hostile body from making the password hash expensive. */
export const NewPasswordSchema = z.string().min(8).max(256);
export const DeviceIdSchema = z.string().trim().min(1).max(128);

export const RegisterSchema = z.strictObject({
  email: EmailSchema,
  password: NewPasswordSchema,
  name: z.string().trim().min(1).max(100).optional(),
  deviceId: DeviceIdSchema.optional(),
});
export type RegisterBody = z.infer<typeof RegisterSchema>;

export const LoginSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(256),
  deviceId: DeviceIdSchema.optional(),
});
export type LoginBody = z.infer<typeof LoginSchema>;

export const RefreshSchema = z.strictObject({ refreshToken: z.string().min(1).max(512) });
export type RefreshBody = z.infer<typeof RefreshSchema>;

export const LogoutSchema = RefreshSchema;
export type LogoutBody = RefreshBody;

export const AuthResponseSchema = z.object({
  user: UserSchema,
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  accessTokenExpiresIn: z.number().int().positive(),
});
export type AuthResponse = z.infer<typeof AuthResponseSchema>;
