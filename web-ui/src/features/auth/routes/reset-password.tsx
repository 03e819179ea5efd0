import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Notice, ProblemAlert } from '@/components/ui/misc';
import { m } from '@/lib/messages';
import { passwordProblem, useResetPassword } from '../api/auth';

export default function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const local = tried ? passwordProblem(password) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (token && !passwordProblem(password)) reset.mutate({ token, newPassword: password });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <h1 className="text-lg font-semibold">{m.auth.resetTitle}</h1>
      {!token && <ProblemAlert error={new Error(m.auth.missingToken)} />}
      <ProblemAlert error={reset.error} />
      {reset.isSuccess ? (
        <Notice>{(reset.data as { message?: string }).message}</Notice>
      ) : (
        <>
          <Field label={m.auth.newPassword} hint={m.auth.passwordRule} error={local}>
            {(p) => <Input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <Button type="submit" variant="primary" disabled={!token || reset.isPending}>
            {m.auth.setPassword}
          </Button>
        </>
      )}
      <Link className="text-sm text-accent underline" to="/sign-in">
        {m.auth.signIn}
      </Link>
    </form>
  );
}
