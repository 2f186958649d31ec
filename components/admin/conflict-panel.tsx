'use client';

import { useState } from 'react';
import type { EditorState } from '@/lib/posts/editor-state';
import { FrontMatterDiff, RevisionDiff } from './revision-diff';
import { useSiteTimeZone } from './site-clock.client';
import { SiteTime } from './site-time';

interface ConflictPanelProps {
  conflict: NonNullable<EditorState['conflict']>;
  /** Base the next save on their version: yours then replaces it, and theirs stays in the history. */
  onOverwrite: () => void;
}

export function ConflictPanel({ conflict, onOverwrite }: ConflictPanelProps) {
  const [accepted, setAccepted] = useState(false);
  const timeZone = useSiteTimeZone();
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">编辑冲突</h2>
      <p>
        {conflict.savedBy ?? '一次导入'} 于 <SiteTime date={new Date(conflict.savedAt)} timeZone={timeZone} /> 保存了版本 {conflict.version}。
        下面是他们的版本（旧）与你的修改（新）的差异。你的修改没有丢失，仍在编辑器中。
      </p>
      <h3>字段</h3>
      <FrontMatterDiff changes={conflict.fields} showUnchanged={false} />
      <h3>正文</h3>
      <RevisionDiff rows={conflict.rows} note={conflict.rowsNote} mode="split" />
      <div className="conflict-actions">
        <button
          type="button"
          disabled={accepted}
          onClick={() => {
            onOverwrite();
            setAccepted(true);
          }}
        >
          {accepted ? '已确认：再次点击“保存”即以你的版本覆盖' : '以我的版本为准'}
        </button>
        <a href="" onClick={(e) => !confirm('放弃你的修改并载入最新版本？') && e.preventDefault()}>
          放弃我的修改，载入最新版本
        </a>
      </div>
    </section>
  );
}
