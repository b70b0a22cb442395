trigger HandoffTrigger on Handoff__c(before insert, before update, after update) {
    new HandoffTriggerHandler().run();
}
