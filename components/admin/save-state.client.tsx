'use client';

import { useState } from 'react';
import { formatInZone, timeZoneLabel } from '@/lib/dates/site-time';
import { useSiteTimeZone } from './site-clock.client';
import { ClientButton } from './client-button.client';

/** `13:45 北京时间（UTC+08:00）`: the time of day in the site's zone, named. */
export const clockTime = (date: Date, timeZone: string) => `${formatInZone(date, timeZone, { seconds: false }).slice(11)} ${timeZoneLabel(timeZone, date)}`;

export type SaveIndicator = 'saved' | 'dirty' | 'saving' | 'autosaved' | 'offline';

const LABELS: Record<SaveIndicator, string> = {
  saved: '已保存',
  dirty: '有未保存的修改',
  saving: '保存中…',
  autosaved: '已自动保存',
  offline: '离线，稍后重试',
};

interface SaveStateProps {
  indicator: SaveIndicator;
  autosavedAt: Date | null;
  message?: string;
}

/** Beside the save button: where the editor's work stands, and what the last save said. */
export function SaveState({ indicator, autosavedAt, message }: SaveStateProps) {
  const timeZone = useSiteTimeZone();
  const at = indicator === 'autosaved' && autosavedAt ? ` ${clockTime(autosavedAt, timeZone)}` : '';
  return (
    <div className="save-state" role="status" aria-live="polite" data-state={indicator}>
      <strong>
        {LABELS[indicator]}
        {at}
      </strong>
      {message ? <span> {message}</span> : null}
    </div>
  );
}

interface AutosaveOfferProps {
  savedAt: string;
  baseVersion: number;
  version: number;
  onRestore: () => void;
  /** Resolves once the server has forgotten the autosave; false when it could not be reached. */
  onDiscard: () => Promise<boolean>;
}

/** Shown on opening a post that has this user's unsaved changes on the server. */
export function AutosaveOffer({ savedAt, baseVersion, version, onRestore, onDiscard }: AutosaveOfferProps) {
  const timeZone = useSiteTimeZone();
  const [discarding, setDiscarding] = useState(false);
  const [failed, setFailed] = useState(false);
  const discard = async () => {
    setDiscarding(true);
    setFailed(false);
    // Shown until the server confirms: a reload straight after must not bring the offer back.
    const done = await onDiscard();
    setDiscarding(false);
    setFailed(!done);
  };
  return (
    <div className="autosave-offer" role="alert">
      <span>你有 {clockTime(new Date(savedAt), timeZone)} 未保存的修改：</span>
      <ClientButton type="button" onClick={onRestore}>
        恢复
      </ClientButton>
      <ClientButton type="button" onClick={discard} disabled={discarding}>
        {discarding ? '正在丢弃…' : '丢弃'}
      </ClientButton>
      {failed ? <strong> 没能丢弃：网络或服务器暂时不可用，请重试。</strong> : null}
      {baseVersion < version ? <small>（基于版本 {baseVersion}，之后已有版本 {version}：恢复后保存时会显示两者的差异）</small> : null}
    </div>
  );
}
