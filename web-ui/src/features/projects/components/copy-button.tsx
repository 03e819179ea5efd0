import { useState } from 'react';
import { Check, Copy } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { m } from '@/lib/messages';

export function CopyButton({ text, label = m.common.copy }: { text: string; label?: string }) {
  const [done, setDone] = useState(false);
  return (
    <Button
      size="sm"
      onClick={() => void navigator.clipboard?.writeText(text).then(() => setDone(true))}
      aria-label={label}
    >
      {done ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />} {done ? m.common.copied : label}
    </Button>
  );
}
