/**
 * config/project-scratch-def.json enables what the product uses on a Developer Edition scratch
 * org, derived from force-app rather than listed by hand: the Path (an Opportunity path ships),
 * account teams (the close automation adds the CSM to the Account team), custom notifications
 * (a notification type ships), English (the tests find "Standard User" by name). Every settings
 * block must be one the scratch org definition schema knows (@salesforce/schemas, the sf CLI's
 * own); the org then says whether each field is accepted, at `sf org create scratch`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCE = join(ROOT, 'force-app', 'main', 'default');

interface ScratchDef {
  edition: string;
  language: string;
  settings: Record<string, Record<string, unknown>>;
}

const def = JSON.parse(
  readFileSync(join(ROOT, 'config', 'project-scratch-def.json'), 'utf8')
) as ScratchDef;

const filesIn = (folder: string) =>
  existsSync(join(SOURCE, folder)) ? readdirSync(join(SOURCE, folder)) : [];
const apexSource = filesIn('classes')
  .filter((f) => f.endsWith('.cls'))
  .map((f) => readFileSync(join(SOURCE, 'classes', f), 'utf8'))
  .join('\n');

describe('the scratch org definition', () => {
  it('is a Developer Edition org in English', () => {
    expect(def.edition).toBe('Developer');
    expect(def.language).toBe('en_US');
  });

  it('enables the Path, because an Opportunity path ships', () => {
    expect(filesIn('pathAssistants').length).toBeGreaterThan(0);
    expect(def.settings.pathAssistantSettings).toEqual({ pathAssistantEnabled: true });
  });

  it('enables account teams, because the close automation adds the CSM to the team', () => {
    expect(apexSource).toContain('AccountTeamMember');
    expect(def.settings.accountSettings).toEqual({ enableAccountTeams: true });
  });

  it('enables notifications, because a custom notification type ships', () => {
    expect(filesIn('notificationtypes').length).toBeGreaterThan(0);
    expect(def.settings.notificationsSettings).toEqual({ enableNotifications: true });
  });

  it('names only settings the scratch org definition schema knows', () => {
    const schema = JSON.parse(
      readFileSync(
        join(ROOT, 'node_modules', '@salesforce', 'schemas', 'project-scratch-def.schema.json'),
        'utf8'
      )
    ) as { definitions: { settings: { properties: Record<string, unknown> } } };
    const known = Object.keys(schema.definitions.settings.properties);
    expect(known.length).toBeGreaterThan(50);
    expect(Object.keys(def.settings).filter((name) => !known.includes(name))).toEqual([]);
  });
});
