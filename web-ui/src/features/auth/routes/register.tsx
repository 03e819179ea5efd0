import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Notice, ProblemAlert } from '@/components/ui/misc';
import { ApiError } from '@/lib/problem';
import { m } from '@/lib/messages';
import { passwordProblem, useRegister } from '../api/auth';

export default function Register() {
  const register = useRegister();
  const [form, setForm] = useState({ email: '', name: '', password: '' });
  const [tried, setTried] = useState(false);
  const local = tried ? passwordProblem(form.password) : null;
  const apiError = register.error instanceof ApiError ? register.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (passwordProblem(form.password)) return;
    register.mutate(form);
  };

  if (register.isSuccess) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-lg font-semibold">{m.auth.registerTitle}</h1>
        <Notice>{(register.data as { message?: string }).message}</Notice>
        <Link className="text-accent underline" to="/sign-in">
          {m.auth.signIn}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <h1 className="text-lg font-semibold">{m.auth.registerTitle}</h1>
      <ProblemAlert error={register.error} />
      <Field label={m.auth.name} error={apiError?.fieldError('name')}>
        {(p) => <Input {...p} autoComplete="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
      </Field>
      <Field label={m.auth.email} error={apiError?.fieldError('email')}>
        {(p) => <Input {...p} type="email" autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
      </Field>
      <Field label={m.auth.password} hint={m.auth.passwordRule} error={local ?? apiError?.fieldError('password')}>
        {(p) => <Input {...p} type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />}
      </Field>
      <Button type="submit" variant="primary" disabled={register.isPending}>
        {m.auth.register}
      </Button>
      <p className="text-sm text-muted">
        {m.auth.haveAccount}{' '}
        <Link className="text-accent underline" to="/sign-in">
          {m.auth.signIn}
        </Link>
      </p>
    </form>
  );
}
