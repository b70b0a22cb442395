trigger HandoffTrigger on Handoff__c(before insert, before update, after insert, after update) {
    new HandoffTriggerHandler().run();
}
