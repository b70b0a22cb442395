trigger HandoffLogEventTrigger on Handoff_Log_Event__e(after insert) {
    new HandoffLogEventTriggerHandler().run();
}
