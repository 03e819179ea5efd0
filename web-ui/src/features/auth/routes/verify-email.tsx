import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Notice, ProblemAlert, Skeleton } from '@/components/ui/misc';
import { m } from '@/lib/messages';
import { useVerifyEmail } from '../api/auth';

export default function VerifyEmail() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const verify = useVerifyEmail();
  const sent = useRef(false);
  useEffect(() => {
    // The token works once: send it once, even when React renders twice.
    if (token && !sent.current) {
      sent.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-lg font-semibold">{m.auth.verifyTitle}</h1>
      {!token && <ProblemAlert error={new Error(m.auth.missingToken)} />}
      {verify.isPending && <Skeleton />}
      <ProblemAlert error={verify.error} />
      {verify.isSuccess && <Notice>{(verify.data as { message?: string }).message}</Notice>}
      <Link className="text-accent underline" to="/sign-in">
        {m.auth.signIn}
      </Link>
    </div>
  );
}
