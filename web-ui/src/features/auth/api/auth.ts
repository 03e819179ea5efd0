import { useMutation } from '@tanstack/react-query';
import { authApi, unwrap, type AuthSchemas } from '@/lib/api/client';
import { session } from '@/lib/session';

export const useSignIn = () =>
  useMutation({
    mutationFn: (body: AuthSchemas['LoginRequest']) => unwrap(authApi.POST('/api/auth/login', { body })),
    onSuccess: (res) => session.accept(res as Parameters<typeof session.accept>[0]),
  });

export const useRegister = () =>
  useMutation({ mutationFn: (body: AuthSchemas['RegisterRequest']) => unwrap(authApi.POST('/api/auth/register', { body })) });

export const useVerifyEmail = () =>
  useMutation({ mutationFn: (token: string) => unwrap(authApi.POST('/api/auth/verify', { body: { token } })) });

export const useForgotPassword = () =>
  useMutation({ mutationFn: (email: string) => unwrap(authApi.POST('/api/auth/password/forgot', { body: { email } })) });

export const useResetPassword = () =>
  useMutation({ mutationFn: (body: AuthSchemas['ResetRequest']) => unwrap(authApi.POST('/api/auth/password/reset', { body })) });

export const useChangePassword = () =>
  useMutation({
    mutationFn: (body: AuthSchemas['ChangePasswordRequest']) => unwrap(authApi.POST('/api/auth/password/change', { body })),
    onSuccess: (res) => session.accept(res as Parameters<typeof session.accept>[0]),
  });

/** The API's password rule, checked before sending so the form answers at once. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < 12) return 'must be at least 12 characters long';
  if (new TextEncoder().encode(password).length > 256) return 'must be at most 256 bytes long';
  return null;
}
