import { describe, expect, it } from 'vitest';
import { firstSentence } from './home-sections.tsx';
import { initialsOf } from './member-mark.tsx';

describe("a member's initials", () => {
  it.each([
    ['Балкан Софтуер Системс', 'БС'],
    ['Институт по изчислителни науки', 'ИИ'],
    ['ЕТ Мартин Стоянов – Уеб Занаят', 'МС'],
    ['„Облачен мост“ ООД', 'ОМ'],
    ['Нордлайт Интерактив АБ', 'НИ'],
    ['Codeworks', 'CO'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('the mission in one sentence', () => {
  it('keeps the first sentence of the first paragraph', () => {
    expect(
      firstSentence('Клъстерът обединява фирми – дори конкуренти. Така всеки член печели.\n\nВтори абзац.'),
    ).toBe('Клъстерът обединява фирми – дори конкуренти.');
  });

  it('does not cut at a full stop inside a sentence, and keeps a one-sentence text whole', () => {
    expect(firstSentence('Проекти по прог. „Хоризонт Европа“ и др.')).toBe(
      'Проекти по прог. „Хоризонт Европа“ и др.',
    );
  });
});
