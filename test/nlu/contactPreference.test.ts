/**
 * DESIGN 18, Reg F 1006.6(b)(1), issue #11 item 3: a time, place or channel that is inconvenient is
 * a 'time_preference' — never a cease — and what it says is read as data.
 */
import { describe, expect, it } from 'vitest';
import { readContactPreference } from '../../src/nlu/contactPreference.ts';
import { DeterministicRecognizer } from '../../src/nlu/deterministicRecognizer.ts';
import { contactPreferenceMessagesFor, summarizeContactPreference } from '../../src/messages/contactPreference.ts';

const recognizer = new DeterministicRecognizer();

describe('DESIGN 18: a time preference is not a cease', () => {
  it.each([
    ["please don't call me before 9am, texts are fine", 'en'],
    ['no calls during work hours please', 'en'],
    ["don't text me after 10 at night", 'en'],
    ['only call on weekends', 'en'],
    ['please stop calling my office', 'en'],
    ['evenings are better for me, mornings I sleep', 'en'],
    ['no me llamen antes de las 9', 'es'],
    ['no me marquen al trabajo, por mensaje está bien', 'es'],
    ['mejor después de las 6 de la tarde', 'es'],
  ] as const)('%j', (text, language) => {
    const r = recognizer.recognizeSync(text, { language });
    expect(r.intents).toContain('time_preference');
    expect(r.intents).not.toContain('cease');
    expect(r.entities.contactPreference).toBeDefined();
  });

  it('stopping all contact is still a cease, even with a place in it', () => {
    const r = recognizer.recognizeSync('stop calling my job and my phone, just stop all of it', { language: 'en' });
    expect(r.intent).toBe('cease');
  });
});

describe('what a time preference says', () => {
  it('before / after / between, with am and pm guessed as people mean them', () => {
    expect(readContactPreference("don't call me before 9, texts are fine")).toMatchObject({
      avoidTimes: [{ from: '00:00', to: '09:00' }],
      channels: ['call'],
      preferChannels: ['text'],
    });
    expect(readContactPreference("don't text after 9")?.avoidTimes).toEqual([{ from: '21:00', to: '24:00' }]);
    expect(readContactPreference('please no calls between 8 and 5')?.avoidTimes).toEqual([{ from: '08:00', to: '17:00' }]);
    expect(readContactPreference('nothing between 0600 and 1800 my time')).toMatchObject({ avoidTimes: [{ from: '06:00', to: '18:00' }], timeZone: 'my time' });
    expect(readContactPreference('after 5:30 is fine')?.preferTimes).toEqual([{ from: '17:30', to: '24:00' }]);
  });
  it('"only" makes the rest inconvenient', () => {
    expect(readContactPreference('only after 6pm')).toMatchObject({ avoidTimes: [{ from: '00:00', to: '18:00' }], preferTimes: [{ from: '18:00', to: '24:00' }] });
    expect(readContactPreference('can you only reach out on weekends')).toMatchObject({ avoidDays: ['mon', 'tue', 'wed', 'thu', 'fri'], preferDays: ['sat', 'sun'] });
  });
  it('days, places and channels', () => {
    expect(readContactPreference("please don't call me on Sundays")).toMatchObject({ avoidDays: ['sun'], channels: ['call'] });
    expect(readContactPreference('not at work please')).toMatchObject({ avoidPlaces: ['work'] });
    expect(readContactPreference('stop calling my work number, my cell is fine')).toMatchObject({ avoidPlaces: ['work'], channels: ['call'], avoidChannels: [] });
    expect(readContactPreference("please don't call, just text")).toMatchObject({ avoidChannels: ['call'], preferChannels: ['text'] });
  });
  it('review R16: "texting is fine but only after 6pm" limits the texts, not only the calls said before', () => {
    const preference = readContactPreference("please dont call me at work. texting is fine but only after 6pm")!;
    expect(preference).toMatchObject({ avoidTimes: [{ from: '00:00', to: '18:00' }], avoidPlaces: ['work'] });
    expect(preference.channels).toContain('text');
    expect(readContactPreference('los mensajes están bien, pero no antes de las 10')).toMatchObject({ avoidTimes: [{ from: '00:00', to: '10:00' }], channels: ['text'] });
  });
  it('Spanish', () => {
    expect(readContactPreference('no me marquen antes de las 10, trabajo de noche')).toMatchObject({ avoidTimes: [{ from: '00:00', to: '10:00' }], channels: ['call'] });
    expect(readContactPreference('solo después de las 6 de la tarde')?.avoidTimes).toEqual([{ from: '00:00', to: '18:00' }]);
    expect(readContactPreference('los fines de semana mejor, entre semana no puedo')).toMatchObject({ avoidDays: ['mon', 'tue', 'wed', 'thu', 'fri'] });
  });
  it('nothing said about time, place or channel is no preference', () => {
    expect(readContactPreference('how much do I owe')).toBeUndefined();
  });
  it('is confirmed back in the debtor\'s language', () => {
    const preference = readContactPreference("don't call me before 9am, texts are fine")!;
    expect(summarizeContactPreference(contactPreferenceMessagesFor('en'), preference)).toBe('no calls before 9:00 AM; texts are fine');
    expect(summarizeContactPreference(contactPreferenceMessagesFor('es'), preference)).toMatch(/^sin llamadas antes de las 9:00/);
  });
});
