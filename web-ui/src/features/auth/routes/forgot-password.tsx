import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Notice, ProblemAlert } from '@/components/ui/misc';
import { m } from '@/lib/messages';
import { useForgotPassword } from '../api/auth';

export default function ForgotPassword() {
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    forgot.mutate(email);
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <h1 className="text-lg font-semibold">{m.auth.forgotTitle}</h1>
      <p className="text-sm text-muted">{m.auth.forgotHelp}</p>
      <ProblemAlert error={forgot.error} />
      {forgot.isSuccess && <Notice>{(forgot.data as { message?: string }).message}</Notice>}
      <Field label={m.auth.email}>
        {(p) => <Input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Button type="submit" variant="primary" disabled={forgot.isPending}>
        {m.auth.sendLink}
      </Button>
      <Link className="text-sm text-accent underline" to="/sign-in">
        {m.auth.signIn}
      </Link>
    </form>
  );
}
