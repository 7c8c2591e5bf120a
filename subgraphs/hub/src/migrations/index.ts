import { HubRegister1763800000100 } from './1763800000100-register.js';
import { HubConsent1763800000900 } from './1763800000900-consent.js';
import { HubMeeting1763800001000 } from './1763800001000-meeting.js';
import { HubMeetingRoster1763800001200 } from './1763800001200-meeting-roster.js';
import { HubOrganisationContact1763800001400 } from './1763800001400-organisation-contact.js';
import { HubMeetingSubjectIndex1763800001600 } from './1763800001600-meeting-subject-index.js';
import { HubConsentRepresentative1763800013200 } from './1763800013200-consent-representative.js';
import { HubOversight1763800013300 } from './1763800013300-oversight.js';
import { HubExportedViews1763800013500 } from './1763800013500-exported-views.js';

export const hubMigrations = [
  HubRegister1763800000100,
  HubConsent1763800000900,
  HubMeeting1763800001000,
  HubMeetingRoster1763800001200,
  HubOrganisationContact1763800001400,
  HubMeetingSubjectIndex1763800001600,
  HubConsentRepresentative1763800013200,
  HubOversight1763800013300,
  HubExportedViews1763800013500,
];
