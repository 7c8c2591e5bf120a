/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MyOpenMeetings {\n    myMeetings {\n      id\n      kind\n      title\n      closesAt\n      open\n      members {\n        staffId\n        role\n      }\n    }\n  }\n": typeof types.MyOpenMeetingsDocument,
    "\n  query SituationStatistics($groupBy: Grouping!) {\n    situationStatistics(groupBy: $groupBy) {\n      threshold\n      asOf\n      groupBy\n      rows {\n        district\n        ageBand\n        kind\n        households\n        suppressed\n      }\n    }\n    indicators {\n      name\n      title\n      rowHeader\n      columns\n      rows {\n        label\n        values\n        total\n      }\n      columnTotals\n      grandTotal\n      threshold\n      asOf\n    }\n  }\n": typeof types.SituationStatisticsDocument,
    "\n  mutation RecordAssessment($caseId: ID!, $input: AssessmentInput!) {\n    recordAssessment(caseId: $caseId, input: $input) {\n      id\n      stage\n    }\n  }\n": typeof types.RecordAssessmentDocument,
    "\n  mutation AttachConsent($caseId: ID!, $consentId: ID!) {\n    attachConsent(caseId: $caseId, consentId: $consentId) {\n      id\n      withoutConsent\n    }\n  }\n": typeof types.AttachConsentDocument,
    "\n  query ReviewsDueAndReturned($before: Date!) {\n    reviewsDue(before: $before) {\n      ...CaseRow\n    }\n    returnedToMe {\n      ...CaseRow\n    }\n  }\n": typeof types.ReviewsDueAndReturnedDocument,
    "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id\n      stage\n      route\n      openedAt\n      closedAt\n      summary\n      visibility\n      withoutConsent\n      consent {\n        id\n        status\n        recipientOrgs\n      }\n      subjects {\n        id\n        name\n      }\n      leadOrganisation {\n        id\n        name\n      }\n      returnedTo {\n        id\n        name\n      }\n      referral {\n        id\n        reason\n        from {\n          id\n          name\n        }\n      }\n      assessment {\n        issues\n        summary\n        recordedAt\n        recordedBy\n      }\n      plan {\n        ...PlanFields\n      }\n      decisions {\n        ...DecisionFields\n      }\n      contacts {\n        ...ContactFields\n      }\n      participations {\n        id\n        state\n        startedAt\n        endedAt\n        host {\n          id\n          name\n        }\n        person {\n          id\n          name\n        }\n        followUps {\n          ...ContactFields\n        }\n      }\n    }\n    issueCodes {\n      code\n      label\n    }\n  }\n": typeof types.CaseDetailDocument,
    "\n  fragment CaseRow on Case {\n    id\n    stage\n    route\n    openedAt\n    closedAt\n    withoutConsent\n    subjects {\n      id\n      name\n    }\n    plan {\n      version\n      reviewOn\n    }\n    leadOrganisation {\n      id\n      name\n    }\n  }\n": typeof types.CaseRowFragmentDoc,
    "\n  query MyCases($stage: CaseStage) {\n    myCases(stage: $stage) {\n      ...CaseRow\n    }\n  }\n": typeof types.MyCasesDocument,
    "\n  query SubjectConsents($personId: ID!) {\n    consents(personId: $personId) {\n      id\n      status\n      sectors\n      recipientOrgs\n      purpose\n      validUntil\n    }\n  }\n": typeof types.SubjectConsentsDocument,
    "\n  mutation RecordContact($caseId: ID!, $input: ContactInput!) {\n    recordContact(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n": typeof types.RecordContactDocument,
    "\n  fragment ContactFields on CaseContact {\n    id\n    at\n    kind\n    note\n    by\n    person {\n      id\n      name\n    }\n  }\n": typeof types.ContactFieldsFragmentDoc,
    "\n  query OpenMeetingsForDecision {\n    myMeetings {\n      id\n      kind\n      title\n      open\n    }\n  }\n": typeof types.OpenMeetingsForDecisionDocument,
    "\n  mutation RecordDecision($meetingId: ID!, $input: DecisionInput!) {\n    recordDecision(meetingId: $meetingId, input: $input) {\n      id\n      kind\n    }\n  }\n": typeof types.RecordDecisionDocument,
    "\n  fragment DecisionFields on CaseDecision {\n    id\n    kind\n    meetingId\n    at\n    note\n    present\n    leadOrganisation {\n      id\n      name\n    }\n    person {\n      id\n      name\n    }\n  }\n": typeof types.DecisionFieldsFragmentDoc,
    "\n  mutation SetLeadOrganisation($caseId: ID!, $orgId: ID!) {\n    setLeadOrganisation(caseId: $caseId, orgId: $orgId) {\n      id\n      leadOrganisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SetLeadOrganisationDocument,
    "\n  mutation OpenCase($input: OpenCaseInput!) {\n    openCase(input: $input) {\n      id\n    }\n  }\n": typeof types.OpenCaseDocument,
    "\n  query Hosts {\n    hosts {\n      id\n      name\n      offers\n    }\n  }\n": typeof types.HostsDocument,
    "\n  mutation StartParticipation($caseId: ID!, $personId: ID!, $hostId: ID!) {\n    startParticipation(caseId: $caseId, personId: $personId, hostId: $hostId) {\n      id\n      state\n    }\n  }\n": typeof types.StartParticipationDocument,
    "\n  mutation RecordFollowUp($participationId: ID!, $input: ContactInput!) {\n    recordFollowUp(participationId: $participationId, input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.RecordFollowUpDocument,
    "\n  mutation EndParticipation($id: ID!, $state: ParticipationState!) {\n    endParticipation(id: $id, state: $state) {\n      id\n      state\n    }\n  }\n": typeof types.EndParticipationDocument,
    "\n  mutation ProposePlan($caseId: ID!, $input: PlanInput!) {\n    proposePlan(caseId: $caseId, input: $input) {\n      id\n      stage\n    }\n  }\n": typeof types.ProposePlanDocument,
    "\n  fragment PlanFields on Plan {\n    version\n    goals\n    reviewOn\n    approved\n    approvedAt\n    proposedAt\n    roles {\n      task\n      organisation {\n        id\n        name\n      }\n      person {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PlanFieldsFragmentDoc,
    "\n  query ReferralsFromMe {\n    referralsFromMe {\n      id\n      reason\n      state\n      sentAt\n      declineReason\n      to {\n        id\n        name\n      }\n      subjects {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ReferralsFromMeDocument,
    "\n  mutation Refer($input: ReferralInput!) {\n    refer(input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.ReferDocument,
    "\n  query ReferralsToMe {\n    referralsToMe(state: SENT) {\n      id\n      reason\n      sentAt\n      sentBy\n      from {\n        id\n        name\n      }\n      to {\n        id\n        name\n      }\n      subjects {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ReferralsToMeDocument,
    "\n  mutation AcceptReferral($id: ID!) {\n    acceptReferral(id: $id) {\n      id\n      state\n    }\n  }\n": typeof types.AcceptReferralDocument,
    "\n  mutation DeclineReferral($id: ID!, $reason: String!) {\n    declineReferral(id: $id, reason: $reason) {\n      id\n      state\n    }\n  }\n": typeof types.DeclineReferralDocument,
    "\n  fragment ConsentFields on Consent {\n    id\n    personId\n    sectors\n    recipientOrgs\n    purpose\n    validFrom\n    validUntil\n    method\n    givenBy\n    evidence\n    status\n    recordedBy\n    recordedOrg\n    recordedAt\n    revokedAt\n    revokedBy\n    revokeReason\n  }\n": typeof types.ConsentFieldsFragmentDoc,
    "\n  query PersonConsents($personId: ID!) {\n    person(id: $personId) {\n      id\n      name\n      nameKana\n      birthDate\n      age\n      address\n    }\n    consents(personId: $personId) {\n      ...ConsentFields\n    }\n  }\n": typeof types.PersonConsentsDocument,
    "\n  mutation RevokeConsent($id: ID!, $reason: String!) {\n    revokeConsent(id: $id, reason: $reason) {\n      ...ConsentFields\n    }\n  }\n": typeof types.RevokeConsentDocument,
    "\n  mutation RecordConsent($input: ConsentInput!) {\n    recordConsent(input: $input) {\n      ...ConsentFields\n    }\n  }\n": typeof types.RecordConsentDocument,
    "\n  query HouseholdCard($id: ID!) {\n    household(id: $id) {\n      id\n      address\n      district\n      members {\n        id\n        name\n        nameKana\n        birthDate\n        age\n        relationship\n        access {\n          sector\n          status\n          basis\n          reference\n        }\n        kaigo {\n          careLevel\n          careLevelValidUntil\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n        shogai {\n          supportLevel\n          services\n          certificates {\n            type\n            grade\n            validUntil\n          }\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n        kodomo {\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          cases {\n            id\n            category\n            status\n            openedOn\n            closedOn\n            youngCarerConcern\n          }\n        }\n        konkyu {\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n      }\n      situations {\n        kind\n        personIds\n        evidence\n        inferred\n      }\n    }\n  }\n": typeof types.HouseholdCardDocument,
    "\n  query LinkageQueue($sector: Sector!) {\n    linkageQueue(sector: $sector, limit: 50) {\n      source\n      sourceKey\n      state\n      candidates {\n        personId\n        score\n        agreed\n        disagreed\n      }\n    }\n  }\n": typeof types.LinkageQueueDocument,
    "\n  query LinkCandidatePerson($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      nameKana\n      birthDate\n      address\n    }\n  }\n": typeof types.LinkCandidatePersonDocument,
    "\n  mutation ConfirmLink($source: String!, $sourceKey: ID!, $personId: ID!) {\n    confirmLink(source: $source, sourceKey: $sourceKey, personId: $personId)\n  }\n": typeof types.ConfirmLinkDocument,
    "\n  mutation RejectLink($source: String!, $sourceKey: ID!, $personId: ID!) {\n    rejectLink(source: $source, sourceKey: $sourceKey, personId: $personId)\n  }\n": typeof types.RejectLinkDocument,
    "\n  query SourceReads($source: SourceName) {\n    sourceReads(source: $source, limit: 20) {\n      source\n      name\n      state\n      recordsRead\n      recordsRejected\n      problem\n      readAt\n    }\n    rejectedRecords(source: $source, limit: 100) {\n      id\n      source\n      origin\n      position\n      field\n      reason\n      value\n      rejectedAt\n    }\n  }\n": typeof types.SourceReadsDocument,
    "\n  mutation Reprocess($source: SourceName!) {\n    reprocessRejected(source: $source) {\n      source\n      resolved\n      stillRejected\n    }\n  }\n": typeof types.ReprocessDocument,
    "\n  query CasesForMeeting {\n    myCases {\n      id\n      stage\n      withoutConsent\n      subjects {\n        id\n        name\n        household {\n          id\n        }\n      }\n      plan {\n        version\n        approved\n      }\n      decisions {\n        id\n        kind\n        meetingId\n        at\n        note\n        person {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CasesForMeetingDocument,
    "\n  query Meeting($id: ID!) {\n    supportMeeting(id: $id) {\n      id\n      kind\n      title\n      subjectPersonIds\n      subjectHouseholdIds\n      opensAt\n      closesAt\n      closedAt\n      open\n      convenedBy\n      members {\n        staffId\n        orgId\n        role\n        addedAt\n      }\n      concerns {\n        id\n        personId\n        householdId\n        note\n        sourceStaffId\n        sourceOrgId\n        recordedAt\n      }\n    }\n  }\n": typeof types.MeetingDocument,
    "\n  mutation CloseMeeting($id: ID!) {\n    closeSupportMeeting(id: $id) {\n      id\n      open\n      closedAt\n    }\n  }\n": typeof types.CloseMeetingDocument,
    "\n  mutation SetMeetingMember($meetingId: ID!, $staffId: ID!, $role: MeetingRole) {\n    setMeetingMember(meetingId: $meetingId, staffId: $staffId, role: $role) {\n      id\n    }\n  }\n": typeof types.SetMeetingMemberDocument,
    "\n  mutation RemoveMeetingMember($meetingId: ID!, $staffId: ID!) {\n    removeMeetingMember(meetingId: $meetingId, staffId: $staffId) {\n      id\n    }\n  }\n": typeof types.RemoveMeetingMemberDocument,
    "\n  mutation RecordConcern($input: ConcernInput!) {\n    recordConcern(input: $input) {\n      id\n    }\n  }\n": typeof types.RecordConcernDocument,
    "\n  query MyMeetings {\n    myMeetings(includeClosed: true) {\n      id\n      kind\n      title\n      opensAt\n      closesAt\n      closedAt\n      open\n    }\n  }\n": typeof types.MyMeetingsDocument,
    "\n  mutation OpenMeeting($input: MeetingInput!) {\n    openSupportMeeting(input: $input) {\n      id\n    }\n  }\n": typeof types.OpenMeetingDocument,
    "\n  query AccessLog($personId: ID!, $from: DateTime, $to: DateTime) {\n    accessLog(personId: $personId, from: $from, to: $to, limit: 500) {\n      at\n      staffId\n      orgId\n      sector\n      status\n      basis\n      reference\n    }\n  }\n": typeof types.AccessLogDocument,
    "\n  query CaseAccessLog($personId: ID!) {\n    caseAccessLog(personId: $personId, limit: 500) {\n      id\n      at\n      staffId\n      orgId\n      status\n      basis\n      purpose\n      reference\n    }\n  }\n": typeof types.CaseAccessLogDocument,
    "\n  query ConsentReview($flaggedOnly: Boolean, $from: DateTime, $to: DateTime) {\n    consentReview(flaggedOnly: $flaggedOnly, from: $from, to: $to, limit: 500) {\n      flags\n      recordedBy\n      recordedByOrg\n      consent {\n        id\n        personId\n        sectors\n        recipientOrgs\n        purpose\n        method\n        evidence\n        status\n        recordedAt\n        givenBy\n        guardian {\n          name\n          relationship\n          verified\n        }\n      }\n    }\n  }\n": typeof types.ConsentReviewDocument,
    "\n  query Disclosure($personId: ID!, $from: DateTime, $to: DateTime) {\n    disclosure(personId: $personId, from: $from, to: $to) {\n      personId\n      withheld\n      identityEntries {\n        ...IdentityFields\n      }\n      entries {\n        id\n        at\n        staffId\n        orgId\n        sector\n        status\n        basis\n        purpose\n      }\n      consents {\n        id\n        sectors\n        recipientOrgs\n        purpose\n        validFrom\n        validUntil\n        status\n        recordedBy\n        recordedOrg\n        recordedAt\n        givenBy\n        revokedAt\n        revokedBy\n      }\n    }\n  }\n": typeof types.DisclosureDocument,
    "\n  query IdentityLog($personId: ID!, $from: DateTime, $to: DateTime) {\n    identityLog(personId: $personId, from: $from, to: $to, limit: 500) {\n      ...IdentityFields\n    }\n  }\n": typeof types.IdentityLogDocument,
    "\n  fragment IdentityFields on IdentityAccessRecord {\n    id\n    at\n    staffId\n    orgId\n    personId\n    action\n    purpose\n    protected\n    restricted\n  }\n": typeof types.IdentityFieldsFragmentDoc,
    "\n  query AuditIntegrity {\n    auditIntegrity {\n      ok\n      entries\n      firstBadEntry\n      checkedAt\n      checkpoints\n      lastCheckpointAt\n    }\n  }\n": typeof types.AuditIntegrityDocument,
    "\n  query ProtectedReads($from: DateTime, $to: DateTime) {\n    protectedReads(from: $from, to: $to, limit: 500) {\n      ...IdentityFields\n    }\n  }\n": typeof types.ProtectedReadsDocument,
    "\n  query SearchPersons($nameKana: String, $birthDate: Date, $after: String) {\n    searchPersonsConnection(nameKana: $nameKana, birthDate: $birthDate, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          nameKana\n          birthDate\n          age\n          relationship\n          residentStatus\n          address\n          household {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchPersonsDocument,
    "\n  query Viewer {\n    me {\n      staffId\n      orgId\n      roles\n      registered\n      staff {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n        sectors\n      }\n    }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  query MyOpenMeetings {\n    myMeetings {\n      id\n      kind\n      title\n      closesAt\n      open\n      members {\n        staffId\n        role\n      }\n    }\n  }\n": types.MyOpenMeetingsDocument,
    "\n  query SituationStatistics($groupBy: Grouping!) {\n    situationStatistics(groupBy: $groupBy) {\n      threshold\n      asOf\n      groupBy\n      rows {\n        district\n        ageBand\n        kind\n        households\n        suppressed\n      }\n    }\n    indicators {\n      name\n      title\n      rowHeader\n      columns\n      rows {\n        label\n        values\n        total\n      }\n      columnTotals\n      grandTotal\n      threshold\n      asOf\n    }\n  }\n": types.SituationStatisticsDocument,
    "\n  mutation RecordAssessment($caseId: ID!, $input: AssessmentInput!) {\n    recordAssessment(caseId: $caseId, input: $input) {\n      id\n      stage\n    }\n  }\n": types.RecordAssessmentDocument,
    "\n  mutation AttachConsent($caseId: ID!, $consentId: ID!) {\n    attachConsent(caseId: $caseId, consentId: $consentId) {\n      id\n      withoutConsent\n    }\n  }\n": types.AttachConsentDocument,
    "\n  query ReviewsDueAndReturned($before: Date!) {\n    reviewsDue(before: $before) {\n      ...CaseRow\n    }\n    returnedToMe {\n      ...CaseRow\n    }\n  }\n": types.ReviewsDueAndReturnedDocument,
    "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id\n      stage\n      route\n      openedAt\n      closedAt\n      summary\n      visibility\n      withoutConsent\n      consent {\n        id\n        status\n        recipientOrgs\n      }\n      subjects {\n        id\n        name\n      }\n      leadOrganisation {\n        id\n        name\n      }\n      returnedTo {\n        id\n        name\n      }\n      referral {\n        id\n        reason\n        from {\n          id\n          name\n        }\n      }\n      assessment {\n        issues\n        summary\n        recordedAt\n        recordedBy\n      }\n      plan {\n        ...PlanFields\n      }\n      decisions {\n        ...DecisionFields\n      }\n      contacts {\n        ...ContactFields\n      }\n      participations {\n        id\n        state\n        startedAt\n        endedAt\n        host {\n          id\n          name\n        }\n        person {\n          id\n          name\n        }\n        followUps {\n          ...ContactFields\n        }\n      }\n    }\n    issueCodes {\n      code\n      label\n    }\n  }\n": types.CaseDetailDocument,
    "\n  fragment CaseRow on Case {\n    id\n    stage\n    route\n    openedAt\n    closedAt\n    withoutConsent\n    subjects {\n      id\n      name\n    }\n    plan {\n      version\n      reviewOn\n    }\n    leadOrganisation {\n      id\n      name\n    }\n  }\n": types.CaseRowFragmentDoc,
    "\n  query MyCases($stage: CaseStage) {\n    myCases(stage: $stage) {\n      ...CaseRow\n    }\n  }\n": types.MyCasesDocument,
    "\n  query SubjectConsents($personId: ID!) {\n    consents(personId: $personId) {\n      id\n      status\n      sectors\n      recipientOrgs\n      purpose\n      validUntil\n    }\n  }\n": types.SubjectConsentsDocument,
    "\n  mutation RecordContact($caseId: ID!, $input: ContactInput!) {\n    recordContact(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n": types.RecordContactDocument,
    "\n  fragment ContactFields on CaseContact {\n    id\n    at\n    kind\n    note\n    by\n    person {\n      id\n      name\n    }\n  }\n": types.ContactFieldsFragmentDoc,
    "\n  query OpenMeetingsForDecision {\n    myMeetings {\n      id\n      kind\n      title\n      open\n    }\n  }\n": types.OpenMeetingsForDecisionDocument,
    "\n  mutation RecordDecision($meetingId: ID!, $input: DecisionInput!) {\n    recordDecision(meetingId: $meetingId, input: $input) {\n      id\n      kind\n    }\n  }\n": types.RecordDecisionDocument,
    "\n  fragment DecisionFields on CaseDecision {\n    id\n    kind\n    meetingId\n    at\n    note\n    present\n    leadOrganisation {\n      id\n      name\n    }\n    person {\n      id\n      name\n    }\n  }\n": types.DecisionFieldsFragmentDoc,
    "\n  mutation SetLeadOrganisation($caseId: ID!, $orgId: ID!) {\n    setLeadOrganisation(caseId: $caseId, orgId: $orgId) {\n      id\n      leadOrganisation {\n        id\n        name\n      }\n    }\n  }\n": types.SetLeadOrganisationDocument,
    "\n  mutation OpenCase($input: OpenCaseInput!) {\n    openCase(input: $input) {\n      id\n    }\n  }\n": types.OpenCaseDocument,
    "\n  query Hosts {\n    hosts {\n      id\n      name\n      offers\n    }\n  }\n": types.HostsDocument,
    "\n  mutation StartParticipation($caseId: ID!, $personId: ID!, $hostId: ID!) {\n    startParticipation(caseId: $caseId, personId: $personId, hostId: $hostId) {\n      id\n      state\n    }\n  }\n": types.StartParticipationDocument,
    "\n  mutation RecordFollowUp($participationId: ID!, $input: ContactInput!) {\n    recordFollowUp(participationId: $participationId, input: $input) {\n      id\n      state\n    }\n  }\n": types.RecordFollowUpDocument,
    "\n  mutation EndParticipation($id: ID!, $state: ParticipationState!) {\n    endParticipation(id: $id, state: $state) {\n      id\n      state\n    }\n  }\n": types.EndParticipationDocument,
    "\n  mutation ProposePlan($caseId: ID!, $input: PlanInput!) {\n    proposePlan(caseId: $caseId, input: $input) {\n      id\n      stage\n    }\n  }\n": types.ProposePlanDocument,
    "\n  fragment PlanFields on Plan {\n    version\n    goals\n    reviewOn\n    approved\n    approvedAt\n    proposedAt\n    roles {\n      task\n      organisation {\n        id\n        name\n      }\n      person {\n        id\n        name\n      }\n    }\n  }\n": types.PlanFieldsFragmentDoc,
    "\n  query ReferralsFromMe {\n    referralsFromMe {\n      id\n      reason\n      state\n      sentAt\n      declineReason\n      to {\n        id\n        name\n      }\n      subjects {\n        id\n        name\n      }\n    }\n  }\n": types.ReferralsFromMeDocument,
    "\n  mutation Refer($input: ReferralInput!) {\n    refer(input: $input) {\n      id\n      state\n    }\n  }\n": types.ReferDocument,
    "\n  query ReferralsToMe {\n    referralsToMe(state: SENT) {\n      id\n      reason\n      sentAt\n      sentBy\n      from {\n        id\n        name\n      }\n      to {\n        id\n        name\n      }\n      subjects {\n        id\n        name\n      }\n    }\n  }\n": types.ReferralsToMeDocument,
    "\n  mutation AcceptReferral($id: ID!) {\n    acceptReferral(id: $id) {\n      id\n      state\n    }\n  }\n": types.AcceptReferralDocument,
    "\n  mutation DeclineReferral($id: ID!, $reason: String!) {\n    declineReferral(id: $id, reason: $reason) {\n      id\n      state\n    }\n  }\n": types.DeclineReferralDocument,
    "\n  fragment ConsentFields on Consent {\n    id\n    personId\n    sectors\n    recipientOrgs\n    purpose\n    validFrom\n    validUntil\n    method\n    givenBy\n    evidence\n    status\n    recordedBy\n    recordedOrg\n    recordedAt\n    revokedAt\n    revokedBy\n    revokeReason\n  }\n": types.ConsentFieldsFragmentDoc,
    "\n  query PersonConsents($personId: ID!) {\n    person(id: $personId) {\n      id\n      name\n      nameKana\n      birthDate\n      age\n      address\n    }\n    consents(personId: $personId) {\n      ...ConsentFields\n    }\n  }\n": types.PersonConsentsDocument,
    "\n  mutation RevokeConsent($id: ID!, $reason: String!) {\n    revokeConsent(id: $id, reason: $reason) {\n      ...ConsentFields\n    }\n  }\n": types.RevokeConsentDocument,
    "\n  mutation RecordConsent($input: ConsentInput!) {\n    recordConsent(input: $input) {\n      ...ConsentFields\n    }\n  }\n": types.RecordConsentDocument,
    "\n  query HouseholdCard($id: ID!) {\n    household(id: $id) {\n      id\n      address\n      district\n      members {\n        id\n        name\n        nameKana\n        birthDate\n        age\n        relationship\n        access {\n          sector\n          status\n          basis\n          reference\n        }\n        kaigo {\n          careLevel\n          careLevelValidUntil\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n        shogai {\n          supportLevel\n          services\n          certificates {\n            type\n            grade\n            validUntil\n          }\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n        kodomo {\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          cases {\n            id\n            category\n            status\n            openedOn\n            closedOn\n            youngCarerConcern\n          }\n        }\n        konkyu {\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n      }\n      situations {\n        kind\n        personIds\n        evidence\n        inferred\n      }\n    }\n  }\n": types.HouseholdCardDocument,
    "\n  query LinkageQueue($sector: Sector!) {\n    linkageQueue(sector: $sector, limit: 50) {\n      source\n      sourceKey\n      state\n      candidates {\n        personId\n        score\n        agreed\n        disagreed\n      }\n    }\n  }\n": types.LinkageQueueDocument,
    "\n  query LinkCandidatePerson($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      nameKana\n      birthDate\n      address\n    }\n  }\n": types.LinkCandidatePersonDocument,
    "\n  mutation ConfirmLink($source: String!, $sourceKey: ID!, $personId: ID!) {\n    confirmLink(source: $source, sourceKey: $sourceKey, personId: $personId)\n  }\n": types.ConfirmLinkDocument,
    "\n  mutation RejectLink($source: String!, $sourceKey: ID!, $personId: ID!) {\n    rejectLink(source: $source, sourceKey: $sourceKey, personId: $personId)\n  }\n": types.RejectLinkDocument,
    "\n  query SourceReads($source: SourceName) {\n    sourceReads(source: $source, limit: 20) {\n      source\n      name\n      state\n      recordsRead\n      recordsRejected\n      problem\n      readAt\n    }\n    rejectedRecords(source: $source, limit: 100) {\n      id\n      source\n      origin\n      position\n      field\n      reason\n      value\n      rejectedAt\n    }\n  }\n": types.SourceReadsDocument,
    "\n  mutation Reprocess($source: SourceName!) {\n    reprocessRejected(source: $source) {\n      source\n      resolved\n      stillRejected\n    }\n  }\n": types.ReprocessDocument,
    "\n  query CasesForMeeting {\n    myCases {\n      id\n      stage\n      withoutConsent\n      subjects {\n        id\n        name\n        household {\n          id\n        }\n      }\n      plan {\n        version\n        approved\n      }\n      decisions {\n        id\n        kind\n        meetingId\n        at\n        note\n        person {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CasesForMeetingDocument,
    "\n  query Meeting($id: ID!) {\n    supportMeeting(id: $id) {\n      id\n      kind\n      title\n      subjectPersonIds\n      subjectHouseholdIds\n      opensAt\n      closesAt\n      closedAt\n      open\n      convenedBy\n      members {\n        staffId\n        orgId\n        role\n        addedAt\n      }\n      concerns {\n        id\n        personId\n        householdId\n        note\n        sourceStaffId\n        sourceOrgId\n        recordedAt\n      }\n    }\n  }\n": types.MeetingDocument,
    "\n  mutation CloseMeeting($id: ID!) {\n    closeSupportMeeting(id: $id) {\n      id\n      open\n      closedAt\n    }\n  }\n": types.CloseMeetingDocument,
    "\n  mutation SetMeetingMember($meetingId: ID!, $staffId: ID!, $role: MeetingRole) {\n    setMeetingMember(meetingId: $meetingId, staffId: $staffId, role: $role) {\n      id\n    }\n  }\n": types.SetMeetingMemberDocument,
    "\n  mutation RemoveMeetingMember($meetingId: ID!, $staffId: ID!) {\n    removeMeetingMember(meetingId: $meetingId, staffId: $staffId) {\n      id\n    }\n  }\n": types.RemoveMeetingMemberDocument,
    "\n  mutation RecordConcern($input: ConcernInput!) {\n    recordConcern(input: $input) {\n      id\n    }\n  }\n": types.RecordConcernDocument,
    "\n  query MyMeetings {\n    myMeetings(includeClosed: true) {\n      id\n      kind\n      title\n      opensAt\n      closesAt\n      closedAt\n      open\n    }\n  }\n": types.MyMeetingsDocument,
    "\n  mutation OpenMeeting($input: MeetingInput!) {\n    openSupportMeeting(input: $input) {\n      id\n    }\n  }\n": types.OpenMeetingDocument,
    "\n  query AccessLog($personId: ID!, $from: DateTime, $to: DateTime) {\n    accessLog(personId: $personId, from: $from, to: $to, limit: 500) {\n      at\n      staffId\n      orgId\n      sector\n      status\n      basis\n      reference\n    }\n  }\n": types.AccessLogDocument,
    "\n  query CaseAccessLog($personId: ID!) {\n    caseAccessLog(personId: $personId, limit: 500) {\n      id\n      at\n      staffId\n      orgId\n      status\n      basis\n      purpose\n      reference\n    }\n  }\n": types.CaseAccessLogDocument,
    "\n  query ConsentReview($flaggedOnly: Boolean, $from: DateTime, $to: DateTime) {\n    consentReview(flaggedOnly: $flaggedOnly, from: $from, to: $to, limit: 500) {\n      flags\n      recordedBy\n      recordedByOrg\n      consent {\n        id\n        personId\n        sectors\n        recipientOrgs\n        purpose\n        method\n        evidence\n        status\n        recordedAt\n        givenBy\n        guardian {\n          name\n          relationship\n          verified\n        }\n      }\n    }\n  }\n": types.ConsentReviewDocument,
    "\n  query Disclosure($personId: ID!, $from: DateTime, $to: DateTime) {\n    disclosure(personId: $personId, from: $from, to: $to) {\n      personId\n      withheld\n      identityEntries {\n        ...IdentityFields\n      }\n      entries {\n        id\n        at\n        staffId\n        orgId\n        sector\n        status\n        basis\n        purpose\n      }\n      consents {\n        id\n        sectors\n        recipientOrgs\n        purpose\n        validFrom\n        validUntil\n        status\n        recordedBy\n        recordedOrg\n        recordedAt\n        givenBy\n        revokedAt\n        revokedBy\n      }\n    }\n  }\n": types.DisclosureDocument,
    "\n  query IdentityLog($personId: ID!, $from: DateTime, $to: DateTime) {\n    identityLog(personId: $personId, from: $from, to: $to, limit: 500) {\n      ...IdentityFields\n    }\n  }\n": types.IdentityLogDocument,
    "\n  fragment IdentityFields on IdentityAccessRecord {\n    id\n    at\n    staffId\n    orgId\n    personId\n    action\n    purpose\n    protected\n    restricted\n  }\n": types.IdentityFieldsFragmentDoc,
    "\n  query AuditIntegrity {\n    auditIntegrity {\n      ok\n      entries\n      firstBadEntry\n      checkedAt\n      checkpoints\n      lastCheckpointAt\n    }\n  }\n": types.AuditIntegrityDocument,
    "\n  query ProtectedReads($from: DateTime, $to: DateTime) {\n    protectedReads(from: $from, to: $to, limit: 500) {\n      ...IdentityFields\n    }\n  }\n": types.ProtectedReadsDocument,
    "\n  query SearchPersons($nameKana: String, $birthDate: Date, $after: String) {\n    searchPersonsConnection(nameKana: $nameKana, birthDate: $birthDate, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          nameKana\n          birthDate\n          age\n          relationship\n          residentStatus\n          address\n          household {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchPersonsDocument,
    "\n  query Viewer {\n    me {\n      staffId\n      orgId\n      roles\n      registered\n      staff {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n        sectors\n      }\n    }\n  }\n": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOpenMeetings {\n    myMeetings {\n      id\n      kind\n      title\n      closesAt\n      open\n      members {\n        staffId\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyOpenMeetings {\n    myMeetings {\n      id\n      kind\n      title\n      closesAt\n      open\n      members {\n        staffId\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SituationStatistics($groupBy: Grouping!) {\n    situationStatistics(groupBy: $groupBy) {\n      threshold\n      asOf\n      groupBy\n      rows {\n        district\n        ageBand\n        kind\n        households\n        suppressed\n      }\n    }\n    indicators {\n      name\n      title\n      rowHeader\n      columns\n      rows {\n        label\n        values\n        total\n      }\n      columnTotals\n      grandTotal\n      threshold\n      asOf\n    }\n  }\n"): (typeof documents)["\n  query SituationStatistics($groupBy: Grouping!) {\n    situationStatistics(groupBy: $groupBy) {\n      threshold\n      asOf\n      groupBy\n      rows {\n        district\n        ageBand\n        kind\n        households\n        suppressed\n      }\n    }\n    indicators {\n      name\n      title\n      rowHeader\n      columns\n      rows {\n        label\n        values\n        total\n      }\n      columnTotals\n      grandTotal\n      threshold\n      asOf\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAssessment($caseId: ID!, $input: AssessmentInput!) {\n    recordAssessment(caseId: $caseId, input: $input) {\n      id\n      stage\n    }\n  }\n"): (typeof documents)["\n  mutation RecordAssessment($caseId: ID!, $input: AssessmentInput!) {\n    recordAssessment(caseId: $caseId, input: $input) {\n      id\n      stage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachConsent($caseId: ID!, $consentId: ID!) {\n    attachConsent(caseId: $caseId, consentId: $consentId) {\n      id\n      withoutConsent\n    }\n  }\n"): (typeof documents)["\n  mutation AttachConsent($caseId: ID!, $consentId: ID!) {\n    attachConsent(caseId: $caseId, consentId: $consentId) {\n      id\n      withoutConsent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewsDueAndReturned($before: Date!) {\n    reviewsDue(before: $before) {\n      ...CaseRow\n    }\n    returnedToMe {\n      ...CaseRow\n    }\n  }\n"): (typeof documents)["\n  query ReviewsDueAndReturned($before: Date!) {\n    reviewsDue(before: $before) {\n      ...CaseRow\n    }\n    returnedToMe {\n      ...CaseRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id\n      stage\n      route\n      openedAt\n      closedAt\n      summary\n      visibility\n      withoutConsent\n      consent {\n        id\n        status\n        recipientOrgs\n      }\n      subjects {\n        id\n        name\n      }\n      leadOrganisation {\n        id\n        name\n      }\n      returnedTo {\n        id\n        name\n      }\n      referral {\n        id\n        reason\n        from {\n          id\n          name\n        }\n      }\n      assessment {\n        issues\n        summary\n        recordedAt\n        recordedBy\n      }\n      plan {\n        ...PlanFields\n      }\n      decisions {\n        ...DecisionFields\n      }\n      contacts {\n        ...ContactFields\n      }\n      participations {\n        id\n        state\n        startedAt\n        endedAt\n        host {\n          id\n          name\n        }\n        person {\n          id\n          name\n        }\n        followUps {\n          ...ContactFields\n        }\n      }\n    }\n    issueCodes {\n      code\n      label\n    }\n  }\n"): (typeof documents)["\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id\n      stage\n      route\n      openedAt\n      closedAt\n      summary\n      visibility\n      withoutConsent\n      consent {\n        id\n        status\n        recipientOrgs\n      }\n      subjects {\n        id\n        name\n      }\n      leadOrganisation {\n        id\n        name\n      }\n      returnedTo {\n        id\n        name\n      }\n      referral {\n        id\n        reason\n        from {\n          id\n          name\n        }\n      }\n      assessment {\n        issues\n        summary\n        recordedAt\n        recordedBy\n      }\n      plan {\n        ...PlanFields\n      }\n      decisions {\n        ...DecisionFields\n      }\n      contacts {\n        ...ContactFields\n      }\n      participations {\n        id\n        state\n        startedAt\n        endedAt\n        host {\n          id\n          name\n        }\n        person {\n          id\n          name\n        }\n        followUps {\n          ...ContactFields\n        }\n      }\n    }\n    issueCodes {\n      code\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseRow on Case {\n    id\n    stage\n    route\n    openedAt\n    closedAt\n    withoutConsent\n    subjects {\n      id\n      name\n    }\n    plan {\n      version\n      reviewOn\n    }\n    leadOrganisation {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CaseRow on Case {\n    id\n    stage\n    route\n    openedAt\n    closedAt\n    withoutConsent\n    subjects {\n      id\n      name\n    }\n    plan {\n      version\n      reviewOn\n    }\n    leadOrganisation {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCases($stage: CaseStage) {\n    myCases(stage: $stage) {\n      ...CaseRow\n    }\n  }\n"): (typeof documents)["\n  query MyCases($stage: CaseStage) {\n    myCases(stage: $stage) {\n      ...CaseRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectConsents($personId: ID!) {\n    consents(personId: $personId) {\n      id\n      status\n      sectors\n      recipientOrgs\n      purpose\n      validUntil\n    }\n  }\n"): (typeof documents)["\n  query SubjectConsents($personId: ID!) {\n    consents(personId: $personId) {\n      id\n      status\n      sectors\n      recipientOrgs\n      purpose\n      validUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordContact($caseId: ID!, $input: ContactInput!) {\n    recordContact(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordContact($caseId: ID!, $input: ContactInput!) {\n    recordContact(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactFields on CaseContact {\n    id\n    at\n    kind\n    note\n    by\n    person {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ContactFields on CaseContact {\n    id\n    at\n    kind\n    note\n    by\n    person {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenMeetingsForDecision {\n    myMeetings {\n      id\n      kind\n      title\n      open\n    }\n  }\n"): (typeof documents)["\n  query OpenMeetingsForDecision {\n    myMeetings {\n      id\n      kind\n      title\n      open\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDecision($meetingId: ID!, $input: DecisionInput!) {\n    recordDecision(meetingId: $meetingId, input: $input) {\n      id\n      kind\n    }\n  }\n"): (typeof documents)["\n  mutation RecordDecision($meetingId: ID!, $input: DecisionInput!) {\n    recordDecision(meetingId: $meetingId, input: $input) {\n      id\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DecisionFields on CaseDecision {\n    id\n    kind\n    meetingId\n    at\n    note\n    present\n    leadOrganisation {\n      id\n      name\n    }\n    person {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment DecisionFields on CaseDecision {\n    id\n    kind\n    meetingId\n    at\n    note\n    present\n    leadOrganisation {\n      id\n      name\n    }\n    person {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLeadOrganisation($caseId: ID!, $orgId: ID!) {\n    setLeadOrganisation(caseId: $caseId, orgId: $orgId) {\n      id\n      leadOrganisation {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetLeadOrganisation($caseId: ID!, $orgId: ID!) {\n    setLeadOrganisation(caseId: $caseId, orgId: $orgId) {\n      id\n      leadOrganisation {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenCase($input: OpenCaseInput!) {\n    openCase(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation OpenCase($input: OpenCaseInput!) {\n    openCase(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Hosts {\n    hosts {\n      id\n      name\n      offers\n    }\n  }\n"): (typeof documents)["\n  query Hosts {\n    hosts {\n      id\n      name\n      offers\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartParticipation($caseId: ID!, $personId: ID!, $hostId: ID!) {\n    startParticipation(caseId: $caseId, personId: $personId, hostId: $hostId) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation StartParticipation($caseId: ID!, $personId: ID!, $hostId: ID!) {\n    startParticipation(caseId: $caseId, personId: $personId, hostId: $hostId) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordFollowUp($participationId: ID!, $input: ContactInput!) {\n    recordFollowUp(participationId: $participationId, input: $input) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation RecordFollowUp($participationId: ID!, $input: ContactInput!) {\n    recordFollowUp(participationId: $participationId, input: $input) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndParticipation($id: ID!, $state: ParticipationState!) {\n    endParticipation(id: $id, state: $state) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation EndParticipation($id: ID!, $state: ParticipationState!) {\n    endParticipation(id: $id, state: $state) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposePlan($caseId: ID!, $input: PlanInput!) {\n    proposePlan(caseId: $caseId, input: $input) {\n      id\n      stage\n    }\n  }\n"): (typeof documents)["\n  mutation ProposePlan($caseId: ID!, $input: PlanInput!) {\n    proposePlan(caseId: $caseId, input: $input) {\n      id\n      stage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanFields on Plan {\n    version\n    goals\n    reviewOn\n    approved\n    approvedAt\n    proposedAt\n    roles {\n      task\n      organisation {\n        id\n        name\n      }\n      person {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PlanFields on Plan {\n    version\n    goals\n    reviewOn\n    approved\n    approvedAt\n    proposedAt\n    roles {\n      task\n      organisation {\n        id\n        name\n      }\n      person {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralsFromMe {\n    referralsFromMe {\n      id\n      reason\n      state\n      sentAt\n      declineReason\n      to {\n        id\n        name\n      }\n      subjects {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReferralsFromMe {\n    referralsFromMe {\n      id\n      reason\n      state\n      sentAt\n      declineReason\n      to {\n        id\n        name\n      }\n      subjects {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Refer($input: ReferralInput!) {\n    refer(input: $input) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation Refer($input: ReferralInput!) {\n    refer(input: $input) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralsToMe {\n    referralsToMe(state: SENT) {\n      id\n      reason\n      sentAt\n      sentBy\n      from {\n        id\n        name\n      }\n      to {\n        id\n        name\n      }\n      subjects {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReferralsToMe {\n    referralsToMe(state: SENT) {\n      id\n      reason\n      sentAt\n      sentBy\n      from {\n        id\n        name\n      }\n      to {\n        id\n        name\n      }\n      subjects {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptReferral($id: ID!) {\n    acceptReferral(id: $id) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptReferral($id: ID!) {\n    acceptReferral(id: $id) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineReferral($id: ID!, $reason: String!) {\n    declineReferral(id: $id, reason: $reason) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineReferral($id: ID!, $reason: String!) {\n    declineReferral(id: $id, reason: $reason) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsentFields on Consent {\n    id\n    personId\n    sectors\n    recipientOrgs\n    purpose\n    validFrom\n    validUntil\n    method\n    givenBy\n    evidence\n    status\n    recordedBy\n    recordedOrg\n    recordedAt\n    revokedAt\n    revokedBy\n    revokeReason\n  }\n"): (typeof documents)["\n  fragment ConsentFields on Consent {\n    id\n    personId\n    sectors\n    recipientOrgs\n    purpose\n    validFrom\n    validUntil\n    method\n    givenBy\n    evidence\n    status\n    recordedBy\n    recordedOrg\n    recordedAt\n    revokedAt\n    revokedBy\n    revokeReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonConsents($personId: ID!) {\n    person(id: $personId) {\n      id\n      name\n      nameKana\n      birthDate\n      age\n      address\n    }\n    consents(personId: $personId) {\n      ...ConsentFields\n    }\n  }\n"): (typeof documents)["\n  query PersonConsents($personId: ID!) {\n    person(id: $personId) {\n      id\n      name\n      nameKana\n      birthDate\n      age\n      address\n    }\n    consents(personId: $personId) {\n      ...ConsentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeConsent($id: ID!, $reason: String!) {\n    revokeConsent(id: $id, reason: $reason) {\n      ...ConsentFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeConsent($id: ID!, $reason: String!) {\n    revokeConsent(id: $id, reason: $reason) {\n      ...ConsentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordConsent($input: ConsentInput!) {\n    recordConsent(input: $input) {\n      ...ConsentFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordConsent($input: ConsentInput!) {\n    recordConsent(input: $input) {\n      ...ConsentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HouseholdCard($id: ID!) {\n    household(id: $id) {\n      id\n      address\n      district\n      members {\n        id\n        name\n        nameKana\n        birthDate\n        age\n        relationship\n        access {\n          sector\n          status\n          basis\n          reference\n        }\n        kaigo {\n          careLevel\n          careLevelValidUntil\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n        shogai {\n          supportLevel\n          services\n          certificates {\n            type\n            grade\n            validUntil\n          }\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n        kodomo {\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          cases {\n            id\n            category\n            status\n            openedOn\n            closedOn\n            youngCarerConcern\n          }\n        }\n        konkyu {\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n      }\n      situations {\n        kind\n        personIds\n        evidence\n        inferred\n      }\n    }\n  }\n"): (typeof documents)["\n  query HouseholdCard($id: ID!) {\n    household(id: $id) {\n      id\n      address\n      district\n      members {\n        id\n        name\n        nameKana\n        birthDate\n        age\n        relationship\n        access {\n          sector\n          status\n          basis\n          reference\n        }\n        kaigo {\n          careLevel\n          careLevelValidUntil\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n        shogai {\n          supportLevel\n          services\n          certificates {\n            type\n            grade\n            validUntil\n          }\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n        kodomo {\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          cases {\n            id\n            category\n            status\n            openedOn\n            closedOn\n            youngCarerConcern\n          }\n        }\n        konkyu {\n          lastInvolvementOn\n          sourceReadAt\n          lead {\n            id\n            name\n            contact\n          }\n          consultations {\n            id\n            date\n            category\n            status\n          }\n        }\n      }\n      situations {\n        kind\n        personIds\n        evidence\n        inferred\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinkageQueue($sector: Sector!) {\n    linkageQueue(sector: $sector, limit: 50) {\n      source\n      sourceKey\n      state\n      candidates {\n        personId\n        score\n        agreed\n        disagreed\n      }\n    }\n  }\n"): (typeof documents)["\n  query LinkageQueue($sector: Sector!) {\n    linkageQueue(sector: $sector, limit: 50) {\n      source\n      sourceKey\n      state\n      candidates {\n        personId\n        score\n        agreed\n        disagreed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinkCandidatePerson($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      nameKana\n      birthDate\n      address\n    }\n  }\n"): (typeof documents)["\n  query LinkCandidatePerson($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      nameKana\n      birthDate\n      address\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmLink($source: String!, $sourceKey: ID!, $personId: ID!) {\n    confirmLink(source: $source, sourceKey: $sourceKey, personId: $personId)\n  }\n"): (typeof documents)["\n  mutation ConfirmLink($source: String!, $sourceKey: ID!, $personId: ID!) {\n    confirmLink(source: $source, sourceKey: $sourceKey, personId: $personId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectLink($source: String!, $sourceKey: ID!, $personId: ID!) {\n    rejectLink(source: $source, sourceKey: $sourceKey, personId: $personId)\n  }\n"): (typeof documents)["\n  mutation RejectLink($source: String!, $sourceKey: ID!, $personId: ID!) {\n    rejectLink(source: $source, sourceKey: $sourceKey, personId: $personId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourceReads($source: SourceName) {\n    sourceReads(source: $source, limit: 20) {\n      source\n      name\n      state\n      recordsRead\n      recordsRejected\n      problem\n      readAt\n    }\n    rejectedRecords(source: $source, limit: 100) {\n      id\n      source\n      origin\n      position\n      field\n      reason\n      value\n      rejectedAt\n    }\n  }\n"): (typeof documents)["\n  query SourceReads($source: SourceName) {\n    sourceReads(source: $source, limit: 20) {\n      source\n      name\n      state\n      recordsRead\n      recordsRejected\n      problem\n      readAt\n    }\n    rejectedRecords(source: $source, limit: 100) {\n      id\n      source\n      origin\n      position\n      field\n      reason\n      value\n      rejectedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reprocess($source: SourceName!) {\n    reprocessRejected(source: $source) {\n      source\n      resolved\n      stillRejected\n    }\n  }\n"): (typeof documents)["\n  mutation Reprocess($source: SourceName!) {\n    reprocessRejected(source: $source) {\n      source\n      resolved\n      stillRejected\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CasesForMeeting {\n    myCases {\n      id\n      stage\n      withoutConsent\n      subjects {\n        id\n        name\n        household {\n          id\n        }\n      }\n      plan {\n        version\n        approved\n      }\n      decisions {\n        id\n        kind\n        meetingId\n        at\n        note\n        person {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CasesForMeeting {\n    myCases {\n      id\n      stage\n      withoutConsent\n      subjects {\n        id\n        name\n        household {\n          id\n        }\n      }\n      plan {\n        version\n        approved\n      }\n      decisions {\n        id\n        kind\n        meetingId\n        at\n        note\n        person {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Meeting($id: ID!) {\n    supportMeeting(id: $id) {\n      id\n      kind\n      title\n      subjectPersonIds\n      subjectHouseholdIds\n      opensAt\n      closesAt\n      closedAt\n      open\n      convenedBy\n      members {\n        staffId\n        orgId\n        role\n        addedAt\n      }\n      concerns {\n        id\n        personId\n        householdId\n        note\n        sourceStaffId\n        sourceOrgId\n        recordedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Meeting($id: ID!) {\n    supportMeeting(id: $id) {\n      id\n      kind\n      title\n      subjectPersonIds\n      subjectHouseholdIds\n      opensAt\n      closesAt\n      closedAt\n      open\n      convenedBy\n      members {\n        staffId\n        orgId\n        role\n        addedAt\n      }\n      concerns {\n        id\n        personId\n        householdId\n        note\n        sourceStaffId\n        sourceOrgId\n        recordedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseMeeting($id: ID!) {\n    closeSupportMeeting(id: $id) {\n      id\n      open\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CloseMeeting($id: ID!) {\n    closeSupportMeeting(id: $id) {\n      id\n      open\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMeetingMember($meetingId: ID!, $staffId: ID!, $role: MeetingRole) {\n    setMeetingMember(meetingId: $meetingId, staffId: $staffId, role: $role) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SetMeetingMember($meetingId: ID!, $staffId: ID!, $role: MeetingRole) {\n    setMeetingMember(meetingId: $meetingId, staffId: $staffId, role: $role) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMeetingMember($meetingId: ID!, $staffId: ID!) {\n    removeMeetingMember(meetingId: $meetingId, staffId: $staffId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMeetingMember($meetingId: ID!, $staffId: ID!) {\n    removeMeetingMember(meetingId: $meetingId, staffId: $staffId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordConcern($input: ConcernInput!) {\n    recordConcern(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordConcern($input: ConcernInput!) {\n    recordConcern(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMeetings {\n    myMeetings(includeClosed: true) {\n      id\n      kind\n      title\n      opensAt\n      closesAt\n      closedAt\n      open\n    }\n  }\n"): (typeof documents)["\n  query MyMeetings {\n    myMeetings(includeClosed: true) {\n      id\n      kind\n      title\n      opensAt\n      closesAt\n      closedAt\n      open\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenMeeting($input: MeetingInput!) {\n    openSupportMeeting(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation OpenMeeting($input: MeetingInput!) {\n    openSupportMeeting(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessLog($personId: ID!, $from: DateTime, $to: DateTime) {\n    accessLog(personId: $personId, from: $from, to: $to, limit: 500) {\n      at\n      staffId\n      orgId\n      sector\n      status\n      basis\n      reference\n    }\n  }\n"): (typeof documents)["\n  query AccessLog($personId: ID!, $from: DateTime, $to: DateTime) {\n    accessLog(personId: $personId, from: $from, to: $to, limit: 500) {\n      at\n      staffId\n      orgId\n      sector\n      status\n      basis\n      reference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseAccessLog($personId: ID!) {\n    caseAccessLog(personId: $personId, limit: 500) {\n      id\n      at\n      staffId\n      orgId\n      status\n      basis\n      purpose\n      reference\n    }\n  }\n"): (typeof documents)["\n  query CaseAccessLog($personId: ID!) {\n    caseAccessLog(personId: $personId, limit: 500) {\n      id\n      at\n      staffId\n      orgId\n      status\n      basis\n      purpose\n      reference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentReview($flaggedOnly: Boolean, $from: DateTime, $to: DateTime) {\n    consentReview(flaggedOnly: $flaggedOnly, from: $from, to: $to, limit: 500) {\n      flags\n      recordedBy\n      recordedByOrg\n      consent {\n        id\n        personId\n        sectors\n        recipientOrgs\n        purpose\n        method\n        evidence\n        status\n        recordedAt\n        givenBy\n        guardian {\n          name\n          relationship\n          verified\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsentReview($flaggedOnly: Boolean, $from: DateTime, $to: DateTime) {\n    consentReview(flaggedOnly: $flaggedOnly, from: $from, to: $to, limit: 500) {\n      flags\n      recordedBy\n      recordedByOrg\n      consent {\n        id\n        personId\n        sectors\n        recipientOrgs\n        purpose\n        method\n        evidence\n        status\n        recordedAt\n        givenBy\n        guardian {\n          name\n          relationship\n          verified\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Disclosure($personId: ID!, $from: DateTime, $to: DateTime) {\n    disclosure(personId: $personId, from: $from, to: $to) {\n      personId\n      withheld\n      identityEntries {\n        ...IdentityFields\n      }\n      entries {\n        id\n        at\n        staffId\n        orgId\n        sector\n        status\n        basis\n        purpose\n      }\n      consents {\n        id\n        sectors\n        recipientOrgs\n        purpose\n        validFrom\n        validUntil\n        status\n        recordedBy\n        recordedOrg\n        recordedAt\n        givenBy\n        revokedAt\n        revokedBy\n      }\n    }\n  }\n"): (typeof documents)["\n  query Disclosure($personId: ID!, $from: DateTime, $to: DateTime) {\n    disclosure(personId: $personId, from: $from, to: $to) {\n      personId\n      withheld\n      identityEntries {\n        ...IdentityFields\n      }\n      entries {\n        id\n        at\n        staffId\n        orgId\n        sector\n        status\n        basis\n        purpose\n      }\n      consents {\n        id\n        sectors\n        recipientOrgs\n        purpose\n        validFrom\n        validUntil\n        status\n        recordedBy\n        recordedOrg\n        recordedAt\n        givenBy\n        revokedAt\n        revokedBy\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdentityLog($personId: ID!, $from: DateTime, $to: DateTime) {\n    identityLog(personId: $personId, from: $from, to: $to, limit: 500) {\n      ...IdentityFields\n    }\n  }\n"): (typeof documents)["\n  query IdentityLog($personId: ID!, $from: DateTime, $to: DateTime) {\n    identityLog(personId: $personId, from: $from, to: $to, limit: 500) {\n      ...IdentityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IdentityFields on IdentityAccessRecord {\n    id\n    at\n    staffId\n    orgId\n    personId\n    action\n    purpose\n    protected\n    restricted\n  }\n"): (typeof documents)["\n  fragment IdentityFields on IdentityAccessRecord {\n    id\n    at\n    staffId\n    orgId\n    personId\n    action\n    purpose\n    protected\n    restricted\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditIntegrity {\n    auditIntegrity {\n      ok\n      entries\n      firstBadEntry\n      checkedAt\n      checkpoints\n      lastCheckpointAt\n    }\n  }\n"): (typeof documents)["\n  query AuditIntegrity {\n    auditIntegrity {\n      ok\n      entries\n      firstBadEntry\n      checkedAt\n      checkpoints\n      lastCheckpointAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProtectedReads($from: DateTime, $to: DateTime) {\n    protectedReads(from: $from, to: $to, limit: 500) {\n      ...IdentityFields\n    }\n  }\n"): (typeof documents)["\n  query ProtectedReads($from: DateTime, $to: DateTime) {\n    protectedReads(from: $from, to: $to, limit: 500) {\n      ...IdentityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPersons($nameKana: String, $birthDate: Date, $after: String) {\n    searchPersonsConnection(nameKana: $nameKana, birthDate: $birthDate, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          nameKana\n          birthDate\n          age\n          relationship\n          residentStatus\n          address\n          household {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchPersons($nameKana: String, $birthDate: Date, $after: String) {\n    searchPersonsConnection(nameKana: $nameKana, birthDate: $birthDate, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          nameKana\n          birthDate\n          age\n          relationship\n          residentStatus\n          address\n          household {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      staffId\n      orgId\n      roles\n      registered\n      staff {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n        sectors\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      staffId\n      orgId\n      roles\n      registered\n      staff {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n        sectors\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;