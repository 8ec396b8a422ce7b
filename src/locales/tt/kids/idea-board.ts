import type { IdeaBoardMessages } from '../../../widgets/idea-board/messages.js';

/** The kids text layer of `<veche-idea-board>` in Tatar: short sentences, "син". Only changed keys. */
const kids: Partial<IdeaBoardMessages> = {
  boardTitle: 'Шәһәр өчен идеяләр',
  searchHint: 'Идея исеменнән яки текстыннан бер сүз яз.',
  propose: 'Үз идеяңне тәкъдим ит',
  submitted: 'Ура! Идеяне тикшерәчәкләр һәм барысына да күрсәтәчәкләр.',
};
export default kids;
