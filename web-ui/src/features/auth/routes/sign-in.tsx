import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Notice, ProblemAlert } from '@/components/ui/misc';
import { m } from '@/lib/messages';
import { useSignIn } from '../api/auth';

/** Only paths inside this app: a crafted ?next= must not send the user elsewhere. */
export function safeNext(next: string | null) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/projects';
}

export default function SignIn() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => navigate(safeNext(params.get('next')), { replace: true }) });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <h1 className="text-lg font-semibold">{m.auth.signInTitle}</h1>
      {params.get('expired') && <Notice>{m.auth.sessionEnded}</Notice>}
      {params.get('all') && <Notice>{m.auth.signedOutAll}</Notice>}
      <ProblemAlert error={signIn.error} />
      <Field label={m.auth.email}>
        {(p) => <Input {...p} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label={m.auth.password}>
        {(p) => <Input {...p} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <Button type="submit" variant="primary" disabled={signIn.isPending}>
        {m.auth.signIn}
      </Button>
      <div className="flex justify-between text-sm">
        <Link className="text-accent underline" to="/forgot-password">
          {m.auth.forgot}
        </Link>
        <Link className="text-accent underline" to="/register">
          {m.auth.register}
        </Link>
      </div>
    </form>
  );
}
