import { OoxmlDocument } from '../../src/document/ooxml/document';
import { WordDocument } from '../../src/document/word/word-document';
import { rowControlDocx } from '../ooxml/helpers';
import { describeDocumentContract } from '../behaviour/document-contract';
import { FakeWord } from '../fakes/fake-word';
import { syntheticSnapshot, withLock } from './fixtures';
import { RECEIVED_SAMPLE, ooxmlSnapshot } from './samples';

// 'report': the received sample as Word would show it; 'locked': a report-like document with a
// content-locked control; 'row-control': a task table with a control in one row.
for (const profile of ['desktop', 'web', 'mac'] as const) {
  describeDocumentContract(`Word adapter over the fake Word (${profile})`, async (fixture) => {
    const snapshot =
      fixture === 'report'
        ? await ooxmlSnapshot(RECEIVED_SAMPLE)
        : fixture === 'row-control'
          ? await OoxmlDocument.open(rowControlDocx()).read()
          : withLock(syntheticSnapshot({ controls: 6, tables: 2 }), 3, 'sdtContentLocked');
    const fake = FakeWord.fromSnapshot(snapshot, { profile });
    return new WordDocument(fake.run, fake.host);
  });
}
