<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
<context>
    <name>AboutYouDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/welcome/dialogs.py" line="+104"/>
        <source>About you</source>
        <translation>關於你</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These details go on the minutes and letters you issue. All can be changed later in Settings (Ctrl+,).</source>
        <translation>這些資料會印在你發出的會議紀錄及信件上，日後均可在「設定」（Ctrl+,）更改。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Organisation name</source>
        <translation>機構名稱</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your e-mail address</source>
        <translation>你的電郵地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default jurisdiction</source>
        <translation>預設司法管轄區</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the &amp;demo conference to try things out</source>
        <translation>開啟示範會議試用(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the demo conference</source>
        <translation>開啟示範會議</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What is wrong</source>
        <translation>問題所在</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Organisation:</source>
        <translation>機構(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;name:</source>
        <translation>你的姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;e-mail:</source>
        <translation>你的電郵(&amp;E)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Jurisdiction:</source>
        <translation>司法管轄區(&amp;J)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Skip for now</source>
        <translation>暫時略過(&amp;S)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The e-mail address looks wrong: it should be like name@example.org.</source>
        <translation>電郵地址似乎不正確：格式應如 name@example.org。</translation>
    </message>
</context>
<context>
    <name>ActionDetails</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/action_details.py" line="+41"/>
        <source>Selected action</source>
        <translation>所選跟進行動</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Action status</source>
        <translation>跟進行動狀態</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Priority</source>
        <translation>優先次序</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Owner&apos;s agency</source>
        <translation>負責人所屬機構</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date</source>
        <translation>限期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision it serves</source>
        <translation>所屬決定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agenda item it belongs to</source>
        <translation>所屬議程項目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action history</source>
        <translation>跟進行動紀錄</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Progress note</source>
        <translation>進度備註</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dated progress note (Enter records it)</source>
        <translation>註明日期的進度備註（按 Enter 記錄）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date of the progress note</source>
        <translation>進度備註日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status set with the note</source>
        <translation>隨備註設定的狀態</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Action&apos;s description</source>
        <translation>跟進行動內容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action&apos;s outcome</source>
        <translation>跟進行動的預期成效</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the action is meant to achieve</source>
        <translation>此跟進行動預期達到的成效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action&apos;s contingency</source>
        <translation>跟進行動的應變安排</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happens if it is not achieved</source>
        <translation>未能達到時的應變安排</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action&apos;s owner</source>
        <translation>跟進行動負責人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action te&amp;xt:</source>
        <translation>跟進行動內容(&amp;X)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome:</source>
        <translation>預期成效：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contingenc&amp;y:</source>
        <translation>應變安排(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owned &amp;by:</source>
        <translation>負責人(&amp;B)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Priority:</source>
        <translation>優先次序：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due:</source>
        <translation>限期：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sta&amp;tus:</source>
        <translation>狀態(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency:</source>
        <translation>機構：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item:</source>
        <translation>項目：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Links:</source>
        <translation>連結(&amp;L)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dated</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Comment:</source>
        <translation>備註(&amp;C)：</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>(no owner)</source>
        <translation>（未有負責人）</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>History:</source>
        <translation>紀錄：</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>(no decision)</source>
        <translation>（無決定）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no agenda item)</source>
        <translation>（無議程項目）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Continues action %1 of the previous conference</source>
        <translation>延續上次會議的跟進行動 %1</translation>
    </message>
</context>
<context>
    <name>ActionUpdatePanel</name>
    <message>
        <location filename="../../mdcc_desktop/ui/followup/tracker.py" line="+324"/>
        <source>History of the action</source>
        <translation>跟進行動紀錄</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New status</source>
        <translation>新狀態</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dated note</source>
        <translation>註明日期的備註</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happened (Enter records it with the status)</source>
        <translation>進展情況（按 Enter 連同狀態記錄）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record</source>
        <translation>記錄(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the status and note</source>
        <translation>記錄狀態及備註</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New due date</source>
        <translation>新限期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the due date moves</source>
        <translation>更改限期的原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Move due date</source>
        <translation>更改限期(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the due date</source>
        <translation>更改限期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New owner</source>
        <translation>新負責人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;assign</source>
        <translation>重新分配(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reassign the action</source>
        <translation>重新分配跟進行動</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Completion date</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;done</source>
        <translation>標示為已完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the action done</source>
        <translation>將跟進行動標示為已完成</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Messages</source>
        <translation>訊息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History:</source>
        <translation>紀錄：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note:</source>
        <translation>備註：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due:</source>
        <translation>限期：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done on:</source>
        <translation>完成日期：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owner:</source>
        <translation>負責人：</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Recorded.</source>
        <translation>已記錄。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Due date moved.</source>
        <translation>已更改限期。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reassigned.</source>
        <translation>已重新分配。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/actions.py" line="+68"/>
        <source>Actions</source>
        <translation>跟進行動</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove action</source>
        <translation>移除跟進行動</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What must be done (Enter adds it)</source>
        <translation>須跟進的事項（按 Enter 加入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New action&apos;s description</source>
        <translation>新跟進行動內容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New action&apos;s owner</source>
        <translation>新跟進行動負責人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New action&apos;s due date</source>
        <translation>新跟進行動限期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+5 wd</source>
        <translation>+5 工作天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due in 5 working days</source>
        <translation>5 個工作天內到期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>+10 wd</source>
        <translation>+10 工作天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due in 10 working days</source>
        <translation>10 個工作天內到期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review</source>
        <translation>檢討日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due at the review date</source>
        <translation>於檢討會議日期到期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add action</source>
        <translation>加入跟進行動</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ne&amp;w action:</source>
        <translation>新跟進行動(&amp;W)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owne&amp;r:</source>
        <translation>負責人(&amp;R)：</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>no owner</source>
        <translation>未有負責人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no due date</source>
        <translation>未有限期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action added with %1: give it in Selected action.</source>
        <translation>已加入跟進行動，但%1：請在「所選跟進行動」中填寫。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and </source>
        <translation>及</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Select the action to remove.</source>
        <translation>請選擇要移除的跟進行動。</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>D&amp;ue:</source>
        <translation>限期(&amp;U)：</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No review date yet: record it as a decision first.</source>
        <translation>尚未有檢討日期：請先將其記錄為決定。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is not an attendee: add them first.</source>
        <translation>%1 不是與會者：請先加入。</translation>
    </message>
</context>
<context>
    <name>AgendaAndNotes</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/meeting.py" line="+127"/>
        <source>No agenda item running.</source>
        <translation>沒有進行中的議程項目。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The current item is over its planned time.</source>
        <translation>目前項目已超出預定時間。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, over time</source>
        <translation>%1，已超時</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The current item is near its planned time.</source>
        <translation>目前項目接近預定時間。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current item: %1</source>
        <translation>目前項目：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Meeting: %1 behind the plan (%2 planned)</source>
        <translation>會議：比預定慢 %1（預定 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meeting: %1 ahead of the plan (%2 planned)</source>
        <translation>會議：比預定快 %1（預定 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meeting: on the plan (%2 planned)</source>
        <translation>會議：按預定進行（預定 %2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Agenda</source>
        <translation>議程</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>New agenda item</source>
        <translation>新議程項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New item (Enter adds it after the selected)</source>
        <translation>新項目（按 Enter 加在所選項目之後）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New agenda item&apos;s planned minutes</source>
        <translation>新議程項目的預定分鐘數</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Selected item started at</source>
        <translation>所選項目開始時間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item started:</source>
        <translation>項目開始：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Selected item ended at</source>
        <translation>所選項目結束時間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item ended:</source>
        <translation>項目結束：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Agenda item timer</source>
        <translation>議程項目計時器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who is in the room</source>
        <translation>在場人士</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next item ▶</source>
        <translation>下一項目 ▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next agenda item</source>
        <translation>下一個議程項目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;genda</source>
        <translation>議程(&amp;G)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New item:</source>
        <translation>新項目：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Planned:</source>
        <translation>預定：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Notes of the agenda item</source>
        <translation>議程項目筆記</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes are saved as you type.</source>
        <translation>筆記會在輸入時自動儲存。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Notes on:</source>
        <translation>筆記項目：</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>The notes cannot be saved to the database: save them to a file to close</source>
        <translation>筆記無法儲存至資料庫：請先儲存至檔案才關閉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text files (*.txt)</source>
        <translation>文字檔案 (*.txt)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The notes were not written</source>
        <translation>筆記未能寫入</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not saved yet: the database is busy; retrying…</source>
        <translation>尚未儲存：資料庫忙碌中，正在重試…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved yet: %1 Retrying…</source>
        <translation>尚未儲存：%1 正在重試…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved: %1</source>
        <translation>未能儲存：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving…</source>
        <translation>儲存中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>That was the last agenda item.</source>
        <translation>這是最後一個議程項目。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No agenda item is running.</source>
        <translation>沒有進行中的議程項目。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That is the first agenda item.</source>
        <translation>這是第一個議程項目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>previous agenda item</source>
        <translation>上一個議程項目</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select the agenda item to make current.</source>
        <translation>請選擇要設為目前項目的議程項目。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>make an agenda item current</source>
        <translation>設定目前議程項目</translation>
    </message>
</context>
<context>
    <name>AmendmentsDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/minutes/dialogs.py" line="+213"/>
        <source>Amendments to the minutes</source>
        <translation>會議紀錄的修訂</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amendment requests</source>
        <translation>修訂要求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who asked</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What they asked to change</source>
        <translation>要求修改的內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What they asked to change (Enter records it)</source>
        <translation>要求修改的內容（按 Enter 記錄）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record request</source>
        <translation>記錄要求(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record request</source>
        <translation>記錄要求</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The chair&apos;s ruling</source>
        <translation>會議主席的裁決</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The chair&apos;s ruling on the selected request</source>
        <translation>會議主席就所選要求的裁決</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Accept</source>
        <translation>接納(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept the amendment</source>
        <translation>接納修訂</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fuse</source>
        <translation>拒絕(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse the amendment</source>
        <translation>拒絕修訂</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Who asked:</source>
        <translation>提出人(&amp;W)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>W&amp;hat:</source>
        <translation>內容(&amp;H)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>R&amp;uling:</source>
        <translation>裁決(&amp;U)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>awaiting ruling</source>
        <translation>待裁決</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accepted</source>
        <translation>已接納</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>refused</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Select the request to rule on.</source>
        <translation>請選擇要裁決的要求。</translation>
    </message>
</context>
<context>
    <name>AttendeeDetails</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/attendee_details.py" line="+41"/>
        <source>Selected attendee</source>
        <translation>所選與會者</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attendance</source>
        <translation>出席情況</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discipline</source>
        <translation>專業</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attendee&apos;s name</source>
        <translation>與會者姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendee&apos;s agency</source>
        <translation>與會者所屬機構</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agency</source>
        <translation>機構</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why they sent apologies or were absent</source>
        <translation>致歉或缺席的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for apologies or absence</source>
        <translation>致歉或缺席原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arrived at</source>
        <translation>到達時間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arri&amp;ved:</source>
        <translation>到達(&amp;V)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left at</source>
        <translation>離場時間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left:</source>
        <translation>離場：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job title</source>
        <translation>職銜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roles (Space ticks)</source>
        <translation>角色（按空格鍵剔選）</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <source>Report received</source>
        <translation>已收到報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared with parents</source>
        <translation>已與家長分享</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report shared with parents</source>
        <translation>報告已與家長分享</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy of the minutes</source>
        <translation>會議紀錄副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no copy</source>
        <translation>不獲發副本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pe&amp;rson:</source>
        <translation>人士(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency:</source>
        <translation>機構：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discipline:</source>
        <translation>專業：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;ttendance:</source>
        <translation>出席情況(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job title:</source>
        <translation>職銜：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wh&amp;y:</source>
        <translation>原因(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Phone:</source>
        <translation>電話：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Contact:</source>
        <translation>聯絡(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ro&amp;les:</source>
        <translation>角色(&amp;L)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Minutes:</source>
        <translation>會議紀錄：</translation>
    </message>
</context>
<context>
    <name>AttendeesPanel</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/attendees.py" line="+67"/>
        <source>Attendees</source>
        <translation>與會者</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove attendee</source>
        <translation>移除與會者</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name (type to pick from the directory)</source>
        <translation>姓名（輸入以從名錄中選擇）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New attendee&apos;s name</source>
        <translation>新與會者姓名</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Agency</source>
        <translation>機構</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New attendee&apos;s agency</source>
        <translation>新與會者所屬機構</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New attendee&apos;s role</source>
        <translation>新與會者角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no role)</source>
        <translation>（無角色）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New attendee&apos;s discipline</source>
        <translation>新與會者專業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no discipline)</source>
        <translation>（無專業）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add</source>
        <translation>加入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add attendee</source>
        <translation>加入與會者</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New attendee:</source>
        <translation>新與會者：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agency:</source>
        <translation>機構：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discipline:</source>
        <translation>專業：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check in</source>
        <translation>報到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check in the selected attendee</source>
        <translation>為所選與會者報到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left</source>
        <translation>離場</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark the selected attendee as left</source>
        <translation>將所選與會者標示為已離場</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Select the attendee to remove.</source>
        <translation>請選擇要移除的與會者。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select an attendee to check in.</source>
        <translation>請選擇要報到的與會者。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select an attendee who left.</source>
        <translation>請選擇已離場的與會者。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Quorum: %1 agencies present, %2 needed</source>
        <translation>法定人數：%1 個機構出席，需要 %2 個</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quorum met.</source>
        <translation>已達法定人數。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quorum not met: too few agencies.</source>
        <translation>未達法定人數：出席機構太少。</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../mdcc_desktop/ui/backups/runner.py" line="+138"/>
        <source>&amp;Back up now</source>
        <translation>立即備份(&amp;B)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore a backu&amp;p…</source>
        <translation>還原備份(&amp;P)…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The day&apos;s backup was not made: %1</source>
        <translation>今日的備份未能完成：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The day&apos;s backup was made.</source>
        <translation>今日的備份已完成。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backing up…</source>
        <translation>正在備份…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Back up</source>
        <translation>備份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backed up to %1.</source>
        <translation>已備份至 %1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+4"/>
        <source>Restore a backup</source>
        <translation>還原備份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the backup made on %1 in place of the current data? Every window closes and opens again on the restored data; the current data is kept aside first.</source>
        <translation>以 %1 製作的備份取代現有資料？所有視窗會關閉，並以還原的資料重新開啟；現有資料會先另行保存。</translation>
    </message>
</context>
<context>
    <name>ChairDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/records/dialogs.py" line="+35"/>
        <source>Your name and e-mail</source>
        <translation>你的姓名及電郵</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your e-mail address</source>
        <translation>你的電郵地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disclosure log names you as the one who shared each document. Your name and e-mail are kept in the encrypted database, not in a plain settings file.</source>
        <translation>披露紀錄會記下你是每份文件的分享者。你的姓名及電郵保存在加密資料庫內，而不是未加密的設定檔。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>電郵(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>ChronologyDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/followup/chronology.py" line="+29"/>
        <source>Case chronology</source>
        <translation>個案時序紀錄</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chronology</source>
        <translation>時序紀錄</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Oldest first.</source>
        <translation>由最早開始。</translation>
    </message>
</context>
<context>
    <name>CirculateDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/minutes/dialogs.py" line="-182"/>
        <source>Circulate the minutes</source>
        <translation>分發會議紀錄</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recipients (Space ticks)</source>
        <translation>收件人（按空格鍵剔選）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>full copy</source>
        <translation>完整版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>parents&apos; copy</source>
        <translation>家長版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no e-mail address</source>
        <translation>沒有電郵地址</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Folder for the documents and e-mail drafts</source>
        <translation>存放文件及電郵草稿的資料夾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the folder</source>
        <translation>選擇資料夾</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Circulate</source>
        <translation>分發</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Recipients (from the distribution list):</source>
        <translation>收件人（來自分發名單）(&amp;R)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Folder:</source>
        <translation>資料夾(&amp;F)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The distribution list is empty: give attendees a copy of the minutes first.</source>
        <translation>分發名單是空的：請先指定與會者獲發的會議紀錄副本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The folder cannot be made: %1</source>
        <translation>無法建立資料夾：%1</translation>
    </message>
</context>
<context>
    <name>ClosureDaysDialog</name>
    <message>
        <location line="+140"/>
        <source>Office closure days</source>
        <translation>辦公室停止辦公日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closure days</source>
        <translation>停止辦公日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closure date</source>
        <translation>停止辦公日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies to</source>
        <translation>適用於</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all profiles</source>
        <translation>所有設定檔</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why (e.g. typhoon signal 8) — Enter adds</source>
        <translation>原因（例如八號風球）— 按 Enter 加入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add</source>
        <translation>加入(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add closure day</source>
        <translation>加入停止辦公日</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;pplies to:</source>
        <translation>適用於(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;eason:</source>
        <translation>原因(&amp;E)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>ConferenceListModel</name>
    <message>
        <location filename="../../mdcc_desktop/ui/home/models.py" line="+146"/>
        <source>unknown</source>
        <translation>不詳</translation>
    </message>
</context>
<context>
    <name>ConferenceListPage</name>
    <message>
        <location filename="../../mdcc_desktop/ui/home/conference_list.py" line="+38"/>
        <source>Find by case reference or child name (Ctrl+Shift+F)</source>
        <translation>按個案編號或兒童姓名尋找（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find conferences</source>
        <translation>尋找會議</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show</source>
        <translation>顯示</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Conferences</source>
        <translation>會議</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No conferences yet. Import an exchange file (Ctrl+I) or load the demo (Ctrl+Shift+D).</source>
        <translation>尚未有會議。請匯入交換檔案（Ctrl+I）或載入示範（Ctrl+Shift+D）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>F&amp;ind:</source>
        <translation>尋找(&amp;I)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sh&amp;ow:</source>
        <translation>顯示(&amp;O)：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Case &amp;chronology</source>
        <translation>個案時序紀錄(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case chronology</source>
        <translation>個案時序紀錄</translation>
    </message>
</context>
<context>
    <name>ConferenceSummary</name>
    <message>
        <location filename="../../mdcc_desktop/ui/home/summary.py" line="+27"/>
        <source>Conference summary</source>
        <translation>會議摘要</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>present</source>
        <translation>出席</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case</source>
        <translation>個案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Children</source>
        <translation>兒童</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scheduled</source>
        <translation>預定時間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Venue</source>
        <translation>地點</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chair</source>
        <translation>會議主席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendees</source>
        <translation>與會者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agenda items</source>
        <translation>議程項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions</source>
        <translation>決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions</source>
        <translation>跟進行動</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next review</source>
        <translation>下次檢討會議</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/widgets/crash.py" line="+57"/>
        <source>Unexpected error</source>
        <translation>意外錯誤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MDCC Desktop met an unexpected error. Everything you typed before it is saved. The report below holds no personal data; copy it into a bug report.</source>
        <translation>MDCC Desktop 遇到意外錯誤。錯誤發生前輸入的內容均已儲存。以下報告不含個人資料；請複製到錯誤報告中。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Errors since</source>
        <translation>其後的錯誤</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error report</source>
        <translation>錯誤報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy the report</source>
        <translation>複製報告(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the report</source>
        <translation>複製報告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lose</source>
        <translation>關閉(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n more error(s) happened since; each is in the log.</source>
        <translation>
            <numerusform>其後再發生 %n 個錯誤；每個均已記入日誌。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <location filename="../../mdcc_desktop/ui/followup/deadlines.py" line="+41"/>
        <source>Deadlines by case</source>
        <translation>按個案列出的限期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case / deadline</source>
        <translation>個案／限期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>情況</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Only deadlines not yet met</source>
        <translation>只顯示尚未完成的限期</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>done %1</source>
        <translation>已於 %1 完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot be computed: %1</source>
        <translation>無法計算：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OVERDUE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>due</source>
        <translation>待完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>不詳</translation>
    </message>
</context>
<context>
    <name>DecisionsPanel</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/decisions.py" line="+57"/>
        <source>Decisions</source>
        <translation>決定</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Kind of decision</source>
        <translation>決定類別</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decision value</source>
        <translation>決定的值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision text</source>
        <translation>決定內容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The decision as it will read in the minutes</source>
        <translation>會議紀錄中所載的決定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+34"/>
        <source>How the decision was reached</source>
        <translation>達成決定的方式</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Edit the decision&apos;s text</source>
        <translation>編輯決定內容</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Change how it was reached</source>
        <translation>更改達成方式</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove decision</source>
        <translation>移除決定</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Restricted (not in the parents&apos; copy)</source>
        <translation>限閱（不載於家長版本）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restricted decision</source>
        <translation>限閱決定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record decision</source>
        <translation>記錄決定</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+42"/>
        <source>Dissent on the selected decision</source>
        <translation>對所選決定的異議</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Remove dissent</source>
        <translation>移除異議</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who dissents</source>
        <translation>提出異議者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their view</source>
        <translation>其意見</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their view, in full (Ctrl+Enter records it)</source>
        <translation>其完整意見（按 Ctrl+Enter 記錄）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Text:</source>
        <translation>內容(&amp;T)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reached &amp;by:</source>
        <translation>達成方式(&amp;B)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Who dissents:</source>
        <translation>提出異議者(&amp;W)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Their &amp;view:</source>
        <translation>其意見(&amp;V)：</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>Select the dissent to change.</source>
        <translation>請選擇要更改的異議。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select the dissent to remove.</source>
        <translation>請選擇要移除的異議。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select the decision to remove.</source>
        <translation>請選擇要移除的決定。</translation>
    </message>
    <message>
        <location line="-243"/>
        <source>Record dissent</source>
        <translation>記錄異議</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the change</source>
        <translation>儲存更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the change to the selected dissent</source>
        <translation>儲存對所選異議的更改</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kind:</source>
        <translation>類別(&amp;K)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reasons:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Other decision</source>
        <translation>其他決定</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The review date must be a date such as 2027-02-19.</source>
        <translation>檢討日期必須是日期，例如 2027-02-19。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Select the decision the dissent is about.</source>
        <translation>請選擇異議所針對的決定。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add the dissenting attendee first.</source>
        <translation>請先加入提出異議的與會者。</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/details.py" line="+48"/>
        <source>Conference title</source>
        <translation>會議名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Venue</source>
        <translation>地點</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language of the minutes</source>
        <translation>會議紀錄語言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Referral received</source>
        <translation>收到轉介日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next review</source>
        <translation>下次檢討會議</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A mandatory report was made</source>
        <translation>已作出強制舉報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mandatory report made</source>
        <translation>已作強制舉報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of the report</source>
        <translation>舉報日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report made to</source>
        <translation>舉報對象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reporter&apos;s identity (restricted)</source>
        <translation>舉報人身分（限閱）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restricted: never printed in any minutes or export.</source>
        <translation>限閱：絕不會印於任何會議紀錄或匯出檔案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>顯示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the reporter&apos;s identity</source>
        <translation>顯示舉報人身分</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+122"/>
        <source>Household</source>
        <translation>家庭成員</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Household member&apos;s name</source>
        <translation>家庭成員姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+55"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Household member&apos;s Chinese name</source>
        <translation>家庭成員中文姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chinese name 中文姓名</source>
        <translation>中文姓名 Chinese name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relationship to the child</source>
        <translation>與兒童的關係</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relationship</source>
        <translation>關係</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Household member notes</source>
        <translation>家庭成員備註</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes (Enter adds)</source>
        <translation>備註（按 Enter 加入）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add</source>
        <translation>加入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add household member</source>
        <translation>加入家庭成員</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>Remove household member</source>
        <translation>移除家庭成員</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Save the change</source>
        <translation>儲存更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the change to the selected household member</source>
        <translation>儲存對所選家庭成員的更改</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Conference began at</source>
        <translation>會議開始時間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Began:</source>
        <translation>開始(&amp;B)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conference ended at</source>
        <translation>會議結束時間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ended:</source>
        <translation>結束：</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+91"/>
        <source>Children</source>
        <translation>兒童</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Remove child</source>
        <translation>移除兒童</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Child&apos;s name</source>
        <translation>兒童姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Child&apos;s name in another script</source>
        <translation>兒童的另一文字姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name in another script</source>
        <translation>另一文字姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>School</source>
        <translation>學校</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a child</source>
        <translation>加入兒童</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a child: name (Enter adds)</source>
        <translation>加入兒童：姓名（按 Enter 加入）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Tit&amp;le:</source>
        <translation>名稱(&amp;L)：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Repo&amp;rter:</source>
        <translation>舉報人(&amp;R)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Who:</source>
        <translation>姓名(&amp;W)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chinese name:</source>
        <translation>中文姓名：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relationship:</source>
        <translation>關係：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes:</source>
        <translation>備註：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Child:</source>
        <translation>兒童(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other script:</source>
        <translation>另一文字：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Born:</source>
        <translation>出生：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sex:</source>
        <translation>性別：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>School:</source>
        <translation>學校：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New child:</source>
        <translation>新兒童：</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Select the child to remove.</source>
        <translation>請選擇要移除的兒童。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Select the household member to change.</source>
        <translation>請選擇要更改的家庭成員。</translation>
    </message>
    <message>
        <location line="-258"/>
        <source>&amp;Venue:</source>
        <translation>地點(&amp;V)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Referral:</source>
        <translation>轉介：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next review:</source>
        <translation>下次檢討：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mandatory report</source>
        <translation>強制舉報</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Made &amp;to:</source>
        <translation>舉報對象(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>DisclosureLogDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/records/log_window.py" line="+91"/>
        <source>Disclosure log</source>
        <translation>披露紀錄</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Entries of the disclosure log</source>
        <translation>披露紀錄的項目</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What was shared, with whom, when and why: every export and issue, circulation, finalisation and reopening, oldest first. Each entry is chained to the one before it, so a changed entry is found.</source>
        <translation>分享了甚麼、給誰、何時及原因：每次匯出及發出、分發、定稿及重開，由最早起排列。每個項目均與前一項目連結，任何被改動的項目都會被發現。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Entries:</source>
        <translation>項目(&amp;E)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your name is not set, so new entries name no one: set it with Tools → Your name and e-mail…</source>
        <translation>尚未設定你的姓名，新項目不會記下分享者：請在「工具 → 你的姓名及電郵…」設定。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>E&amp;xport…</source>
        <translation>匯出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+52"/>
        <source>Export the disclosure log</source>
        <translation>匯出披露紀錄</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>The log cannot be read: %1</source>
        <translation>無法讀取紀錄：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The chain is intact: %n entry(ies), none changed.</source>
        <translation>
            <numerusform>紀錄鏈完整：共 %n 個項目，均未被改動。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The chain is broken: %1</source>
        <translation>紀錄鏈已斷開：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Log not exported</source>
        <translation>紀錄未匯出</translation>
    </message>
</context>
<context>
    <name>DisclosureLogModel</name>
    <message>
        <location line="-138"/>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1, with the reporter&apos;s identity</source>
        <translation>%1（包括舉報人身分）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (deleted)</source>
        <translation>%1（已刪除）</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../mdcc_desktop/ui/widgets/forms.py" line="+53"/>
        <location filename="../../mdcc_desktop/ui/workspace/meetings_booked.py" line="+50"/>
        <source>none</source>
        <translation>無</translation>
    </message>
</context>
<context>
    <name>Headers</name>
    <message>
        <location filename="../../mdcc_desktop/ui/labels.py" line="+194"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Case</source>
        <translation>個案</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Children</source>
        <translation>兒童</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <location line="+19"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Open actions</source>
        <translation>未完成跟進行動</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next deadline</source>
        <translation>下一個限期</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+23"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+20"/>
        <source>Action</source>
        <translation>跟進行動</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+20"/>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+7"/>
        <source>Agency</source>
        <translation>機構</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+19"/>
        <source>Priority</source>
        <translation>優先次序</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendance</source>
        <translation>出席情況</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>到達</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>離場</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agenda item</source>
        <translation>議程項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min</source>
        <translation>分鐘</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dissent</source>
        <translation>異議</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Participant</source>
        <translation>參與者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale 0-10</source>
        <translation>評分 0-10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earlier</source>
        <translation>較早前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No.</source>
        <translation>編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conference</source>
        <translation>會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To whom</source>
        <translation>對象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>分享者</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../mdcc_desktop/ui/home/help.py" line="+83"/>
        <source>Home window</source>
        <translation>主視窗</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>Conference workspace</source>
        <translation>會議工作區</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Open a conference&apos;s workspace and press F1 there for the workspace&apos;s shortcuts.</source>
        <translation>開啟會議工作區後，在該處按 F1 查看工作區的快速鍵。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/minutes/history.py" line="+49"/>
        <source>History of the minutes</source>
        <translation>會議紀錄的歷史</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Versions issued</source>
        <translation>已發出的版次</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+27"/>
        <source>Version</source>
        <translation>版次</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+25"/>
        <source>Copy</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template</source>
        <translation>範本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued</source>
        <translation>發出時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (document not kept)</source>
        <translation>%1（未有保存文件）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Circulation</source>
        <translation>分發</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+35"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delivery</source>
        <translation>送達方式</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Amendments</source>
        <translation>修訂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked</source>
        <translation>要求時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>分享者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Request</source>
        <translation>要求</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ruling</source>
        <translation>裁決</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>awaiting ruling</source>
        <translation>待裁決</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accepted</source>
        <translation>已接納</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>refused</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Log</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>內容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>詳情</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History</source>
        <translation>歷史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Versions</source>
        <translation>版次(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Circulation</source>
        <translation>分發(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;mendments</source>
        <translation>修訂(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log</source>
        <translation>紀錄(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save the selected version…</source>
        <translation>儲存所選版本(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the selected version again</source>
        <translation>再次儲存所選版本</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>full copy</source>
        <translation>完整版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parents&apos; copy</source>
        <translation>家長版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome letter</source>
        <translation>會議結果通知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>final</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>issued</source>
        <translation>已發出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>finalised</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reopened</source>
        <translation>已重開</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>outcome letter issued</source>
        <translation>已發出會議結果通知</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>by hand</source>
        <translation>親手送交</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e-mail</source>
        <translation>電郵</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a version to save.</source>
        <translation>請選擇要儲存的版本。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saved: %1</source>
        <translation>已儲存：%1</translation>
    </message>
</context>
<context>
    <name>IntegrityScreen</name>
    <message>
        <location filename="../../mdcc_desktop/ui/backups/dialogs.py" line="+136"/>
        <source>The database is damaged</source>
        <translation>資料庫已損壞</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The data file is damaged and cannot be used safely.</source>
        <translation>資料檔案已損壞，無法安全使用。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The latest good backup was made on %1 (%2). Restoring it brings back the data as it was then; the damaged file is kept aside, unchanged, in the backups&apos; “damaged” folder, so that it can still be recovered by an expert.</source>
        <translation>最近一個完好的備份於 %1 製作（%2）。還原後，資料會回復到當時的狀態；損壞的檔案會原封不動地另存於備份的「damaged」資料夾，以便專家日後嘗試修復。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Restore the latest good backup</source>
        <translation>還原最近一個完好的備份(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit without changing anything</source>
        <translation>不作任何更改並結束(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../mdcc_desktop/ui/labels.py" line="-206"/>
        <source>Initial</source>
        <translation>首次會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>檢討會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-birth</source>
        <translation>產前會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned</source>
        <translation>已排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+49"/>
        <location line="+55"/>
        <source>In progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Ended</source>
        <translation>已結束</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+129"/>
        <source>Finalised</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>unknown</source>
        <translation>不詳</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>social work</source>
        <translation>社會工作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>police</source>
        <translation>警方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>health</source>
        <translation>醫療</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>education</source>
        <translation>教育</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>psychology</source>
        <translation>心理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>family</source>
        <translation>家庭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>legal</source>
        <translation>法律</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>interpreter</source>
        <translation>傳譯員</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>NGO</source>
        <translation>非政府機構</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>chair</source>
        <translation>會議主席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minute taker</source>
        <translation>會議記錄員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key worker</source>
        <translation>主責社工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>core group</source>
        <translation>核心小組</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parent</source>
        <translation>家長</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>child</source>
        <translation>兒童</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>carer</source>
        <translation>照顧者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>supporter</source>
        <translation>支援人士</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>observer</source>
        <translation>觀察員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report author</source>
        <translation>報告撰寫人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invited</source>
        <translation>已邀請</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apologies</source>
        <translation>致歉缺席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report only</source>
        <translation>只提交報告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consensus</source>
        <translation>共識</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Majority</source>
        <translation>多數決</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chair&apos;s decision</source>
        <translation>會議主席決定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+63"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>full copy</source>
        <translation>完整版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parents&apos; copy</source>
        <translation>家長版本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What are we worried about?</source>
        <translation>我們擔心甚麼？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danger statements</source>
        <translation>危險陳述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is working well?</source>
        <translation>甚麼做得好？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What needs to happen?</source>
        <translation>需要做甚麼？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety goals</source>
        <translation>安全目標</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case</source>
        <translation>個案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child</source>
        <translation>兒童</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>筆記</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>跟進行動</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household member</source>
        <translation>家庭成員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendee</source>
        <translation>與會者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>conference</source>
        <translation>會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decision</source>
        <translation>決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>action</source>
        <translation>跟進行動</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>update</source>
        <translation>進度更新</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>title</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>venue</source>
        <translation>地點</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language of the minutes</source>
        <translation>會議紀錄語言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>referral date</source>
        <translation>轉介日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>next review date</source>
        <translation>下次檢討日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conferences</source>
        <translation>會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions</source>
        <translation>跟進行動</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadlines</source>
        <translation>限期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All conferences</source>
        <translation>所有會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upcoming</source>
        <translation>即將舉行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent</source>
        <translation>最近</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open actions</source>
        <translation>未完成跟進行動</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due within 7 days</source>
        <translation>7 日內到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due within 14 days</source>
        <translation>14 日內到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due within 30 days</source>
        <translation>30 日內到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All actions</source>
        <translation>所有跟進行動</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar of due and review dates (*.ics)</source>
        <translation>限期及檢討日期日曆 (*.ics)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minutes</source>
        <translation>會議紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome letter</source>
        <translation>結果通知信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchange file</source>
        <translation>交換檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions (CSV)</source>
        <translation>跟進行動（CSV）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions (Excel)</source>
        <translation>跟進行動（Excel）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>日曆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail draft</source>
        <translation>電郵草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circulated</source>
        <translation>已分發</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopened</source>
        <translation>已重開</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes kept in a file</source>
        <translation>備註另存於檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This log exported</source>
        <translation>匯出本紀錄</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/welcome/dialogs.py" line="-89"/>
        <source>Welcome to MDCC Desktop</source>
        <translation>歡迎使用 MDCC Desktop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Welcome. MDCC Desktop keeps the record of your case conferences on this computer, encrypted. First choose its language; then a passphrase protects the data, and a few details about you go on the minutes.</source>
        <translation>歡迎。MDCC Desktop 會把你的個案會議紀錄加密保存在這部電腦上。請先選擇介面語言；然後設定密碼短語保護資料，再填寫會印在會議紀錄上的幾項個人資料。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language / 語言:</source>
        <translation>語言 / Language(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without setting up</source>
        <translation>不設定並關閉</translation>
    </message>
</context>
<context>
    <name>LineEdit</name>
    <message>
        <location filename="../../mdcc_desktop/ui/widgets/common.py" line="+125"/>
        <source>Clear the field</source>
        <translation>清除欄位</translation>
    </message>
</context>
<context>
    <name>LockManager</name>
    <message>
        <location filename="../../mdcc_desktop/ui/lock/manager.py" line="+193"/>
        <source>%1 (locked)</source>
        <translation>%1（已鎖定）</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Loc&amp;k now</source>
        <translation>立即鎖定(&amp;K)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../mdcc_desktop/ui/lock/screen.py" line="+51"/>
        <location line="+1"/>
        <source>MDCC Desktop is locked</source>
        <translation>MDCC Desktop 已鎖定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MDCC Desktop is locked: what you typed is saved and the data is closed. Type the passphrase to go back to where you were.</source>
        <translation>MDCC Desktop 已鎖定：已輸入的內容均已儲存，資料已關閉。請輸入密碼短語返回原來的畫面。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Why it is still locked</source>
        <translation>仍然鎖定的原因</translation>
    </message>
</context>
<context>
    <name>LockUnlockDialog</name>
    <message>
        <location line="-35"/>
        <source>&amp;Quit MDCC Desktop (all is saved)</source>
        <translation>結束 MDCC Desktop（全部已儲存）(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit MDCC Desktop</source>
        <translation>結束 MDCC Desktop</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mdcc_desktop/ui/home/conference_files.py" line="+28"/>
        <source>Import conference</source>
        <translation>匯入會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conference exchange files (*.json);;All files (*)</source>
        <translation>會議交換檔案 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import refused</source>
        <translation>拒絕匯入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was not imported: %n problem(s). Nothing was changed.</source>
        <translation>%1 未有匯入：有 %n 個問題。未有作出任何更改。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import failed</source>
        <translation>匯入失敗</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported %1.</source>
        <translation>已匯入 %1。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export conference</source>
        <translation>匯出會議</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conference exchange files (*.json)</source>
        <translation>會議交換檔案 (*.json)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+8"/>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 could not be written: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported to %1.</source>
        <translation>已匯出至 %1。</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/home/delete_command.py" line="+35"/>
        <source>Delete conference %1</source>
        <translation>刪除會議 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The conference of %1 is back.</source>
        <translation>%1 的會議已還原。</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/home/main_window.py" line="+111"/>
        <source>Sections</source>
        <translation>分頁</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Data folder: %1</source>
        <translation>資料夾：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n profile file(s) skipped: %1</source>
        <translation>
            <numerusform>已略過 %n 個設定檔：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Profiles skipped</source>
        <translation>已略過設定檔</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;New conference…</source>
        <translation>新增會議(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open workspace</source>
        <translation>開啟工作區(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import conference…</source>
        <translation>匯入會議(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export conference…</source>
        <translation>匯出會議(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete conference…</source>
        <translation>刪除會議(&amp;D)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load &amp;demo conference</source>
        <translation>載入示範會議(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find a conference</source>
        <translation>尋找會議(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search</source>
        <translation>搜尋(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Section %1</source>
        <translation>分頁 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About MDCC Desktop</source>
        <translation>關於 MDCC Desktop(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/home/menus.py" line="+18"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Office &amp;closure days…</source>
        <translation>辦公室停止辦公日(&amp;C)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/home/main_window.py" line="+25"/>
        <source>Cannot read the conferences</source>
        <translation>無法讀取會議</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n conference(s)</source>
        <translation>
            <numerusform>%n 個會議</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Actions</source>
        <translation>跟進行動</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 overdue)</source>
        <translation>（%1 項逾期）</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Delete the conference of %1 on %2? Its attendees, agenda, notes, decisions, actions and minutes history go with it, and the case too if it has no other conference. Ctrl+Z in this window brings it back.</source>
        <translation>刪除 %1 於 %2 的會議？其與會者、議程、筆記、決定、跟進行動及會議紀錄歷史將一併刪除；如個案沒有其他會議，個案亦會刪除。在此視窗按 Ctrl+Z 可還原。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete conference</source>
        <translation>刪除會議</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close the conference&apos;s workspace first, then delete it.</source>
        <translation>請先關閉會議的工作區，然後才刪除。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conference not deleted</source>
        <translation>會議未刪除</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted the conference of %1. Ctrl+Z brings it back.</source>
        <translation>已刪除 %1 的會議。按 Ctrl+Z 可還原。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Demo not loaded</source>
        <translation>未能載入示範</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About MDCC Desktop</source>
        <translation>關於 MDCC Desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MDCC Desktop %1
The chair&apos;s record of a child-protection case conference.</source>
        <translation>MDCC Desktop %1
會議主席的保護兒童多專業個案會議紀錄工具。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The conference selected was not reopened: its workspace did not finish opening last time. Open it from the list (Enter) when you are ready.</source>
        <translation>所選會議未有重新開啟：上次未能完成開啟其工作區。準備好後，請從清單中開啟（按 Enter）。</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/records/__init__.py" line="+18"/>
        <source>Disclosure &amp;log…</source>
        <translation>披露紀錄(&amp;L)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your na&amp;me and e-mail…</source>
        <translation>你的姓名及電郵(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>MaskedLineEdit</name>
    <message>
        <location filename="../../mdcc_desktop/ui/widgets/masked.py" line="+71"/>
        <source>Recorded and hidden: tick Show to see or change it.</source>
        <translation>已記錄並隱藏：剔選「顯示」以查看或更改。</translation>
    </message>
</context>
<context>
    <name>MeetingsBooked</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/meetings_booked.py" line="+39"/>
        <source>Meetings booked</source>
        <translation>已安排的會議</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Core group meeting date</source>
        <translation>核心小組會議日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Core group meeting time</source>
        <translation>核心小組會議時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Core group meeting venue</source>
        <translation>核心小組會議地點</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>Venue</source>
        <translation>地點</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Review conference date</source>
        <translation>檢討會議日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review conference time</source>
        <translation>檢討會議時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review conference venue</source>
        <translation>檢討會議地點</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comments on the minutes due by</source>
        <translation>會議紀錄意見提交限期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Core gro&amp;up:</source>
        <translation>核心小組會議(&amp;U)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review:</source>
        <translation>檢討會議：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>venue</source>
        <translation>地點</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Comments due b&amp;y:</source>
        <translation>意見提交限期(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The core group meeting needs a time to be booked.</source>
        <translation>請輸入核心小組會議的時間，才可安排該會議。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The review conference needs a time to be booked.</source>
        <translation>請輸入檢討會議的時間，才可安排該會議。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../mdcc_desktop/domain/messages.py" line="+32"/>
        <source>A child&apos;s name</source>
        <translation>兒童姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The referral date</source>
        <translation>轉介日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The arrival time</source>
        <translation>到達時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The time they left</source>
        <translation>離場時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The attendee&apos;s name</source>
        <translation>與會者姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The item&apos;s start</source>
        <translation>項目開始時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The item&apos;s end</source>
        <translation>項目結束時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The agenda item&apos;s title</source>
        <translation>議程項目名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The decision&apos;s text</source>
        <translation>決定內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A dissenting view</source>
        <translation>異議意見</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The due date</source>
        <translation>限期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The action&apos;s description</source>
        <translation>跟進行動內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The expected date of birth</source>
        <translation>預產期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The relationship to the child</source>
        <translation>與兒童的關係</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The household member&apos;s name</source>
        <translation>家庭成員姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The report&apos;s date</source>
        <translation>舉報日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned minutes</source>
        <translation>預定分鐘數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The case reference</source>
        <translation>個案編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scheduled start</source>
        <translation>預定開始時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The conference</source>
        <translation>會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kind of decision</source>
        <translation>決定類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mapping line</source>
        <translation>評估圖項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The start</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The end</source>
        <translation>結束時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The next review</source>
        <translation>下次檢討會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The completion date</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The core group meeting</source>
        <translation>核心小組會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The core group meeting&apos;s venue</source>
        <translation>核心小組會議的地點</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The review conference</source>
        <translation>檢討會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The review conference&apos;s venue</source>
        <translation>檢討會議的地點</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date comments are due by</source>
        <translation>意見提交限期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The action&apos;s outcome</source>
        <translation>跟進行動的預期成效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The action&apos;s contingency</source>
        <translation>跟進行動的應變安排</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new due date</source>
        <translation>新限期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The update&apos;s date</source>
        <translation>進度更新日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reason they step out ({n})</source>
        <translation>暫時離場原因（{n}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The time they step out</source>
        <translation>暫時離場時間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} must not be empty</source>
        <translation>{what}不可留空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} must hold a visible character (not only spaces)</source>
        <translation>{what}必須包含可見字元（不能只有空格）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what}: the end ({end}) is before the start ({start})</source>
        <translation>{what}：結束時間（{end}）早於開始時間（{start}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what}: the year {year} is outside {first}–{last}</source>
        <translation>{what}：年份 {year} 不在 {first}–{last} 範圍內</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} must be a whole number of minutes</source>
        <translation>{what}必須是整數分鐘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} must be from 0 to {limit}</source>
        <translation>{what}必須介乎 0 至 {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} is {length} characters long, more than the limit of {limit} characters</source>
        <translation>{what}長 {length} 個字元，超出上限 {limit} 個字元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No one has the chair role.</source>
        <translation>沒有人擔任會議主席。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No one is taking the minutes.</source>
        <translation>沒有人負責會議紀錄。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A case needs at least one child.</source>
        <translation>個案須有最少一名兒童。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A case with the reference {reference!r} already exists.</source>
        <translation>個案編號 {reference!r} 已存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scheduled start needs a time zone.</source>
        <translation>預定開始時間須有時區。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A review can only continue a conference of the same case.</source>
        <translation>檢討會議只能延續同一個案的會議。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An update needs a note or a new status.</source>
        <translation>進度更新須有備註或新狀態。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The update&apos;s date needs a time zone.</source>
        <translation>進度更新日期須有時區。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only attendees of this conference can be on its distribution list.</source>
        <translation>只有本會議的與會者才可列入分發名單。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file {name} is not a plain database: nothing to encrypt.</source>
        <translation>檔案 {name} 不是未加密的資料庫：無須加密。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database could not be encrypted ({error}); it has not been changed. {advice}</source>
        <translation>無法加密資料庫（{error}）；資料庫未有更改。{advice}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The encrypted copy of the database did not match it; the database has not been changed. {advice}</source>
        <translation>資料庫的加密副本與原本不符；資料庫未有更改。{advice}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;{section}&quot; is not a section of these minutes that an agenda item&apos;s notes can go under. Choose one of: {allowed}; or none, for the discussion.</source>
        <translation>「{section}」不是此會議紀錄中可放置議程項目筆記的部分。請選擇以下其中之一：{allowed}；或不選，列入討論。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what} ({date}) is before the conference ({held}). Choose a date on or after the conference.</source>
        <translation>{what}（{date}）早於會議（{held}）。請選擇會議當日或之後的日期。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what} needs a time zone.</source>
        <translation>{what}須註明時區。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The review conference ({review}) is booked before the core group meeting ({core}).</source>
        <translation>檢討會議（{review}）安排在核心小組會議（{core}）之前。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left out of the file, which has no place for them: {parts}.</source>
        <translation>檔案沒有位置存放以下資料，已略去：{parts}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the actions&apos; outcomes</source>
        <translation>跟進行動的預期成效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the actions&apos; contingencies</source>
        <translation>跟進行動的應變安排</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the core group meeting as booked</source>
        <translation>已安排的核心小組會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the review conference as booked</source>
        <translation>已安排的檢討會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the date comments are due by</source>
        <translation>意見提交限期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the minutes section of {count} agenda item(s)</source>
        <translation>{count} 個議程項目的會議紀錄部分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The review&apos;s date ({start}) is before the conference it reviews (held {held}). Choose a date after that conference.</source>
        <translation>檢討會議日期（{start}）早於所檢討的會議（於 {held} 舉行）。請選擇該會議之後的日期。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>They can only step out once they have arrived: check them in first, or correct the time they stepped out.</source>
        <translation>須先到達才可暫時離場：請先為其報到，或更正暫時離場時間。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>They cannot come back ({back}) before they step out ({out}): correct one of the two times.</source>
        <translation>返回時間（{back}）不能早於暫時離場時間（{out}）：請更正其中一個時間。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>They are already out of the room: record that they came back in first.</source>
        <translation>此人已在場外：請先記錄其返回。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They step out at {out} before coming back from the last time ({back}): correct one of the two times.</source>
        <translation>此人於 {out} 暫時離場，但上次尚未返回（{back}）：請更正其中一個時間。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>They cannot leave ({left}) before they arrive ({arrived}): correct one of the two times.</source>
        <translation>離場時間（{left}）不能早於到達時間（{arrived}）：請更正其中一個時間。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A dissent must come from an attendee of this conference.</source>
        <translation>異議必須由本會議的與會者提出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The action&apos;s owner must be an attendee of this conference.</source>
        <translation>跟進行動負責人必須是本會議的與會者。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The due date {due} is in the past.</source>
        <translation>限期 {due} 已過。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A safety scale is from 0 to 10.</source>
        <translation>安全評分介乎 0 至 10。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only attendees of this conference can give a safety scale.</source>
        <translation>只有本會議的與會者才可給予安全評分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This conference is finalised and locked; reopen it (with a reason) to delete it.</source>
        <translation>本會議已定稿並鎖定；如要刪除，請先重開（須註明原因）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This conference is finalised and locked; reopen it (with a reason) to change it.</source>
        <translation>本會議已定稿並鎖定；如要更改，請先重開（須註明原因）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} recorded a dissent on a decision; remove the dissent first.</source>
        <translation>{name} 曾就某項決定提出異議；請先移除該異議。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} ({agency}) is already listed.</source>
        <translation>{name}（{agency}）已在名單上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value!r} is not a {kind} value (allowed: {allowed}).</source>
        <translation>{value!r} 不是有效的 {kind} 值（可用：{allowed}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>conference {id} does not exist</source>
        <translation>會議 {id} 不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kind} {id} does not exist</source>
        <translation>{kind} {id} 不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} open action(s) carried forward.</source>
        <translation>已延續 {count} 項未完成跟進行動。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown template {name!r}; templates: {templates}</source>
        <translation>不明範本 {name!r}；可用範本：{templates}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say why the office was closed (e.g. typhoon signal 8).</source>
        <translation>請註明辦公室停止辦公的原因（例如八號風球）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{day} is already a closure day.</source>
        <translation>{day} 已是停止辦公日。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick at least one recipient from the distribution list.</source>
        <translation>請從分發名單中選擇最少一名收件人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not on the distribution list: {names}. Add them there first.</source>
        <translation>不在分發名單上：{names}。請先將其加入名單。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the folder {folder} does not exist</source>
        <translation>資料夾 {folder} 不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{folder} is a file, not a folder: choose a file name in a folder</source>
        <translation>{folder} 是檔案，不是資料夾：請選擇位於資料夾內的檔案名稱</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} cannot be written: the folder {folder} does not accept new files (a system folder?); choose a folder of your own</source>
        <translation>無法寫入 {path}：資料夾 {folder} 不接受新檔案（是系統資料夾嗎？）；請選擇你自己的資料夾</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Say who asked for the amendment.</source>
        <translation>請註明提出修訂的人。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say what they asked to change.</source>
        <translation>請註明要求修改的內容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The minutes are final; reopen the conference to amend them.</source>
        <translation>會議紀錄已定稿；如要修訂，請先重開會議。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the chair&apos;s ruling (what was decided and why).</source>
        <translation>請填寫會議主席的裁決（決定及理由）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The minutes are already final.</source>
        <translation>會議紀錄已經定稿。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} amendment request(s) still need the chair&apos;s ruling.</source>
        <translation>尚有 {count} 項修訂要求待會議主席裁決。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The outcome letter goes to {count} recipients, one letter each: give a folder to write them into, or choose one recipient by attendee id ({recipients}).</source>
        <translation>會議結果通知會發給 {count} 位收件人，每人一封：請指定存放的資料夾，或以出席者編號選擇一位收件人（{recipients}）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Say where to write the letters: -o FOLDER (one file per recipient) or -o FILE.docx for one letter (with --to ATTENDEE_ID when there are several).</source>
        <translation>請指明寫入位置：-o 資料夾（每位收件人一個檔案），或 -o 檔案.docx 寫一封信（收件人多於一位時須加 --to 出席者編號）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attendee {attendee} is not sent the outcome letter. The letter goes to: {recipients}.</source>
        <translation>出席者 {attendee} 不會收到會議結果通知。收件人為：{recipients}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nobody is invited to receive the outcome letter: add the family and the professionals invited to the attendance list first.</source>
        <translation>沒有人會收到會議結果通知：請先把獲邀的家庭成員及專業人員加入出席名單。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} already exists; an issued document never replaces a file. Choose a new name.</source>
        <translation>{path} 已存在；發出的文件絕不會取代現有檔案。請選擇新名稱。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The minutes are final (version {number}); reopen the conference to issue them again.</source>
        <translation>會議紀錄已定稿（版本 {number}）；如要再次發出，請先重開會議。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conference {conference} has no issued version {number}{copy}.</source>
        <translation>會議 {conference} 沒有已發出的版本 {number}{copy}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version {number} has several copies ({copies}); say which with --copy.</source>
        <translation>版本 {number} 有多個版本（{copies}）；請以 --copy 指明。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--save N needs -o FILE: where to write the version.</source>
        <translation>--save N 需要 -o FILE：指明版本寫入的位置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version {number} was recorded before issued documents were kept in the database; only its time and SHA-256 are on record.</source>
        <translation>版本 {number} 是在資料庫開始保存已發出文件之前記錄的；只有其時間及 SHA-256 有紀錄。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reopening final minutes needs a reason, which is recorded.</source>
        <translation>重開已定稿的會議紀錄須註明原因，原因會被記錄。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The conference is not finalised.</source>
        <translation>會議尚未定稿。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF needs LibreOffice, which is not installed (no &apos;soffice&apos; on the PATH). The Word file was written; install LibreOffice or print it to PDF from Word.</source>
        <translation>PDF 需要 LibreOffice，但系統未有安裝（PATH 中沒有 &apos;soffice&apos;）。Word 檔案已寫入；請安裝 LibreOffice，或從 Word 列印為 PDF。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>LibreOffice did not finish converting {name} in time</source>
        <translation>LibreOffice 未能及時完成轉換 {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LibreOffice could not convert {name}: {error}</source>
        <translation>LibreOffice 無法轉換 {name}：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LibreOffice did not produce {name}</source>
        <translation>LibreOffice 未有產生 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PDF needs LibreOffice, which is not installed (no &apos;soffice&apos; on the PATH), so nothing was written. Write a Word file (.docx) instead, or install LibreOffice.</source>
        <translation>製作 PDF 需要 LibreOffice，但未有安裝（PATH 中沒有「soffice」），因此沒有寫入任何檔案。請改為寫入 Word 檔案（.docx），或安裝 LibreOffice。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{template}: the template has a syntax error in the tag {tag}: {error}</source>
        <translation>{template}：範本的標籤 {tag} 有語法錯誤：{error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{template}: the template has a syntax error near the text “{near}”: {error} (a tag such as {{%p if %}} or {{%tr for %}} must be alone in its paragraph or table row)</source>
        <translation>{template}：範本在文字「{near}」附近有語法錯誤：{error}（{{%p if %}} 或 {{%tr for %}} 之類的標籤必須獨佔一個段落或表格列）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{template}: the template has a syntax error: a block is never closed. {error}</source>
        <translation>{template}：範本有語法錯誤：有區塊未有結束。{error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{template}: the tag {tag} names {name}, which is not a field of this document. The fields are: {fields}.</source>
        <translation>{template}：標籤 {tag} 指明的 {name} 不是此文件的欄位。可用欄位為：{fields}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{template}: the template asks for {name}, which this document does not have: check the spelling of the tag in the template.</source>
        <translation>{template}：範本要求的 {name} 在此文件中並不存在：請檢查範本中標籤的串法。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{template}: the template asks for more than a document can hold ({error}), so it was stopped. Look for a loop inside a loop, or a long range(), in the template.</source>
        <translation>{template}：範本要求的內容超出文件可容納的上限（{error}），因此已停止。請檢查範本中有否迴圈內的迴圈或很長的 range()。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{template}: filling in the template took longer than {seconds} seconds, so it was stopped. Look for a loop inside a loop, or a long range(), in the template.</source>
        <translation>{template}：填寫範本超過 {seconds} 秒，因此已停止。請檢查範本中有否迴圈內的迴圈或很長的 range()。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{template}: the template tries something templates may not do: {error}</source>
        <translation>{template}：範本嘗試進行範本不容許的操作：{error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{template}: the template could not be filled in: {error}</source>
        <translation>{template}：無法填寫範本：{error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{template}: not a usable Word template ({error})</source>
        <translation>{template}：不是可用的 Word 範本（{error}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{template}: not a Word (.docx) file ({error})</source>
        <translation>{template}：不是 Word（.docx）檔案（{error}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{template} does not say what it is for: put {{# mdcc kind: minutes #}} or {{# mdcc kind: letter #}} in its first paragraph.</source>
        <translation>{template} 沒有註明用途：請在第一段加上 {{# mdcc kind: minutes #}} 或 {{# mdcc kind: letter #}}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{template} is a {declared} template, not a {wanted} template: choose a {wanted} template.</source>
        <translation>{template} 是 {declared} 範本，不是 {wanted} 範本：請選擇 {wanted} 範本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filling in {template} was cancelled; nothing was written.</source>
        <translation>已取消填寫 {template}；沒有寫入任何檔案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{template}: the template could not be filled in: the process doing it stopped (exit code {code}), perhaps out of memory. Look for a loop inside a loop in the template.</source>
        <translation>{template}：無法填寫範本：處理程序已停止（結束代碼 {code}），可能是記憶體不足。請檢查範本中有否迴圈內的迴圈。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The status is unchanged: add a note to record progress.</source>
        <translation>狀態未有改變：請加入備註以記錄進度。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An action cannot be done in the future.</source>
        <translation>跟進行動的完成日期不能在未來。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say why the due date moves; it is kept in the history.</source>
        <translation>請註明更改限期的原因；原因會保存在紀錄中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new owner must be an attendee of the action&apos;s conference.</source>
        <translation>新負責人必須是該跟進行動所屬會議的與會者。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown export format {format!r}: use one of {formats}.</source>
        <translation>不明匯出格式 {format!r}：請使用 {formats} 其中之一。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The data folder {folder} cannot be created or written: {error}. Choose another with --data-dir or MDCC_DATA_DIR.</source>
        <translation>無法建立或寫入資料夾 {folder}：{error}。請以 --data-dir 或 MDCC_DATA_DIR 選擇另一個資料夾。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data folder {folder} cannot be created or written: {file} is a file, not a folder. Move the file away, or choose another folder with --data-dir or MDCC_DATA_DIR. Nothing was changed.</source>
        <translation>無法建立或寫入資料夾 {folder}：{file} 是檔案，不是資料夾。請移走該檔案，或以 --data-dir 或 MDCC_DATA_DIR 選擇另一個資料夾。未有作任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The data folder {folder} is read-only, so nothing could be saved. Make it writable (or copy it to a writable place and choose that with --data-dir or MDCC_DATA_DIR); nothing was changed.</source>
        <translation>資料夾 {folder} 是唯讀的，無法儲存任何內容。請將其設為可寫入（或複製到可寫入的位置，並以 --data-dir 或 MDCC_DATA_DIR 選擇）；未有作任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The disk holding the data folder {folder} is full. Free some space and try again; nothing was changed.</source>
        <translation>存放資料夾 {folder} 的磁碟已滿。請騰出空間後再試；未有作任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database file {path} is missing: it cannot be opened.</source>
        <translation>找不到資料庫檔案 {path}：無法開啟。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database is closed (MDCC Desktop is locked or shutting down): unlock it and try again.</source>
        <translation>資料庫已關閉（MDCC Desktop 已鎖定或正在關閉）：請解鎖後再試。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database file {path} is missing: it was moved or deleted while it was closed. Put it back and try again.</source>
        <translation>找不到資料庫檔案 {path}：檔案在關閉期間被移走或刪除。請放回原處後再試。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This copy of MDCC Desktop cannot open an encrypted database: it was built without encryption support (SQLCipher). The file has not been changed.</source>
        <translation>此 MDCC Desktop 版本無法開啟加密資料庫：建置時未有加密支援（SQLCipher）。檔案未有更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This database was written by a newer version of MDCC Desktop (schema {schema}; this version knows {known}). Install the newer version to open it; the file has not been changed.</source>
        <translation>此資料庫由較新版本的 MDCC Desktop 寫入（結構 {schema}；此版本只支援 {known}）。請安裝較新版本以開啟；檔案未有更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the file name is too long to write: {name}… (choose a shorter name)</source>
        <translation>檔案名稱太長，無法寫入：{name}…（請選擇較短的名稱）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file name is too long to read: {name}… (choose a shorter name)</source>
        <translation>檔案名稱太長，無法讀取：{name}…（請選擇較短的名稱）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the disk is full: {path} was not written</source>
        <translation>磁碟已滿：未能寫入 {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} cannot be written: the disk or folder is read-only. Choose another folder; nothing was written</source>
        <translation>無法寫入 {path}：磁碟或資料夾是唯讀的。請選擇另一個資料夾；沒有寫入任何檔案</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} cannot be written (permission denied): is the folder read-only, or is the file open in another program such as Word?</source>
        <translation>無法寫入 {path}（權限被拒）：資料夾是否唯讀，或檔案是否已在其他程式（例如 Word）中開啟？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} cannot be read (permission denied): is the folder read-only, or is the file open in another program such as Word?</source>
        <translation>無法讀取 {path}（權限被拒）：資料夾是否唯讀，或檔案是否已在其他程式（例如 Word）中開啟？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} cannot be written: {error}</source>
        <translation>無法寫入 {path}：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} cannot be read: {error}</source>
        <translation>無法讀取 {path}：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} does not exist</source>
        <translation>{path} 不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is {kind}, not a file</source>
        <translation>{path} 是{kind}，不是檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is larger than {size}, the most a {what} may be</source>
        <translation>{path} 大於 {size}，超出{what}的上限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is {kind}: exports are written only to files; choose a file name</source>
        <translation>{path} 是{kind}：匯出只會寫入檔案；請選擇檔案名稱</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is a folder; give a file name such as {example}</source>
        <translation>{path} 是資料夾；請提供檔案名稱，例如 {example}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is a link to {real}, which does not exist</source>
        <translation>{path} 是連結，指向不存在的 {real}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is read-only; choose another name or make it writable</source>
        <translation>{path} 是唯讀；請選擇其他名稱或將其設為可寫入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(file): the key {key!r} appears twice in one object</source>
        <translation>（檔案）：鍵 {key!r} 在同一物件中出現兩次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(file): {name} is not a JSON number</source>
        <translation>（檔案）：{name} 不是 JSON 數字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(file): the file is empty</source>
        <translation>（檔案）：檔案是空的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(file): not UTF-8 text (byte {byte}); is this an exchange file?</source>
        <translation>（檔案）：不是 UTF-8 文字（位元組 {byte}）；這是交換檔案嗎？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(file): not valid JSON at line {line}, column {column}: {error}</source>
        <translation>（檔案）：第 {line} 行第 {column} 欄不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(file): nested too deeply to be an exchange file</source>
        <translation>（檔案）：巢狀層數太多，不可能是交換檔案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(file): holds a number too long to read (more than 4,300 digits)</source>
        <translation>（檔案）：包含太長而無法讀取的數字（超過 4,300 位）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(file): the file must hold one JSON object, not a list or a value</source>
        <translation>（檔案）：檔案必須包含一個 JSON 物件，而非清單或單一值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(file): nested {depth} levels deep; an exchange file has at most {limit}</source>
        <translation>（檔案）：巢狀 {depth} 層；交換檔案最多 {limit} 層</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(file): {size} bytes is larger than the limit of {limit} bytes ({megabytes} MB) for an exchange file</source>
        <translation>（檔案）：{size} 位元組超出交換檔案的上限 {limit} 位元組（{megabytes} MB）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(file): {problem}</source>
        <translation>（檔案）：{problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The logo must be a picture (PNG, JPEG, …); that file is not one.</source>
        <translation>標誌必須是圖片（PNG、JPEG 等）；該檔案不是圖片。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The logo is larger than {limit} MB: choose a smaller picture.</source>
        <translation>標誌大於 {limit} MB：請選擇較小的圖片。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say why the reporter&apos;s identity is included: disclosing it can be an offence (Cap. 650, s.11), so the reason is kept in the disclosure log. Nothing was exported.</source>
        <translation>請說明包括舉報人身分的原因：披露舉報人身分可構成罪行（第 650 章第 11 條），原因會記入披露紀錄。未有匯出任何內容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The chair&apos;s name is longer than {limit} characters: shorten it.</source>
        <translation>主席姓名超過 {limit} 個字元：請縮短。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{email} is not an e-mail address: give one such as name@example.org, or leave it empty.</source>
        <translation>{email} 不是電郵地址：請輸入如 name@example.org 的地址，或留空。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disclosure log is exported as {formats}, not {format}.</source>
        <translation>披露紀錄只可匯出為 {formats}，不可匯出為 {format}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disclosure log was changed: entry {entry} {problem}.</source>
        <translation>披露紀錄曾被改動：項目 {entry} {problem}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disclosure log was changed: it ends at entry {entry} but {expected} entries were written (the last ones were removed).</source>
        <translation>披露紀錄曾被改動：紀錄止於項目 {entry}，但曾寫入 {expected} 個項目（最後的項目已被刪除）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SQLite&apos;s integrity check found a problem: {problem}</source>
        <translation>SQLite 完整性檢查發現問題：{problem}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A row of {table} (row {row}) refers to a row of {parent} that does not exist.</source>
        <translation>{table} 的一列（第 {row} 列）指向 {parent} 中不存在的一列。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database is in use by another program or another MDCC Desktop window. Close the other one and try again.</source>
        <translation>資料庫正由其他程式或另一個 MDCC Desktop 視窗使用。請關閉該程式或視窗後再試。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The disk is full: the last change was not saved. Free some space and try again; nothing saved before it is lost.</source>
        <translation>磁碟已滿：最後一項更改未能儲存。請騰出空間後再試；之前已儲存的內容不會遺失。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database file or its folder is read-only: changes cannot be saved. Check the folder&apos;s permissions.</source>
        <translation>資料庫檔案或其資料夾是唯讀：無法儲存更改。請檢查資料夾的權限。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The password does not open the database file (or the file is not an MDCC Desktop database). Check the password and try again; the file has not been changed.</source>
        <translation>密碼無法開啟資料庫檔案（或該檔案不是 MDCC Desktop 資料庫）。請檢查密碼後再試；檔案未有更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database file is damaged or is not an MDCC Desktop database. {advice}</source>
        <translation>資料庫檔案已損壞，或不是 MDCC Desktop 資料庫。{advice}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database file {path} is empty (0 bytes): its contents were lost, for example by an interrupted copy or sync. It has not been changed. {advice}</source>
        <translation>資料庫檔案 {path} 是空的（0 位元組）：內容已遺失，例如因複製或同步中斷所致。檔案未有更改。{advice}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database file is damaged (SQLite&apos;s integrity check failed). It has not been changed. {advice}</source>
        <translation>資料庫檔案已損壞（SQLite 完整性檢查失敗）。檔案未有更改。{advice}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database file is damaged. {advice}</source>
        <translation>資料庫檔案已損壞。{advice}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some text in the database file is damaged and cannot be read. {advice}</source>
        <translation>資料庫檔案中部分文字已損壞，無法讀取。{advice}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database file cannot be opened: check that its folder exists and is writable.</source>
        <translation>無法開啟資料庫檔案：請檢查其資料夾是否存在及可寫入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk could not read or write the database file (an input/output error), so the last change may not have been saved. Check that the drive or network share holding the data folder is connected and working, then try again.</source>
        <translation>磁碟無法讀寫資料庫檔案（輸入／輸出錯誤），最後一項更改可能未有儲存。請檢查存放資料夾的磁碟機或網絡共用資料夾是否已連接及運作正常，然後再試。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close MDCC Desktop and restore it from the backups folder: the newest backup is {backup}.</source>
        <translation>請關閉 MDCC Desktop，並從備份資料夾還原：最新的備份是 {backup}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no backup in the backups folder{where}: keep a copy of the file and ask for help recovering it.</source>
        <translation>備份資料夾{where}中沒有備份：請保留檔案副本，並尋求協助復原。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The disk is full: the backup {path} was not made (nothing was changed). Free some space, or choose another backups folder in the settings, and try again.</source>
        <translation>磁碟已滿：未能製作備份 {path}（未有作任何更改）。請騰出空間，或在設定中選擇另一個備份資料夾，然後再試。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backups folder {folder} is read-only: no backup was made (nothing was changed). Check the folder&apos;s permissions, or choose another backups folder in the settings.</source>
        <translation>備份資料夾 {folder} 是唯讀的：未有製作備份（未有作任何更改）。請檢查資料夾權限，或在設定中選擇另一個備份資料夾。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backups folder {folder} is a file, not a folder: no backup was made. Move the file away or choose another backups folder in the settings.</source>
        <translation>備份資料夾 {folder} 是檔案，不是資料夾：未有製作備份。請移走該檔案，或在設定中選擇另一個備份資料夾。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup {path} could not be made: {error}. Nothing was changed.</source>
        <translation>無法製作備份 {path}：{error}。未有作任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The copy {path} did not pass the integrity check, so it was not kept. The disk may be failing: make a copy of the data folder elsewhere.</source>
        <translation>副本 {path} 未能通過完整性檢查，因此沒有保留。磁碟可能出現故障：請將資料夾複製到別處。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no backup file {path}.</source>
        <translation>沒有備份檔案 {path}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a file: choose a backup file to restore.</source>
        <translation>{path} 不是檔案：請選擇要還原的備份檔案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The backup {path} cannot be read: {error}. Nothing was changed.</source>
        <translation>無法讀取備份 {path}：{error}。未有作任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not encrypted, so it is not a backup of this data folder (every backup is encrypted with the folder&apos;s key). Nothing was changed.</source>
        <translation>{path} 未經加密，所以不是此資料夾的備份（每個備份均以資料夾的密鑰加密）。未有作任何更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} does not open with this data folder&apos;s key: it is a backup of another data folder, or not an MDCC Desktop backup. Restore it into the folder it came from (with that folder&apos;s key file). Nothing was changed.</source>
        <translation>無法以此資料夾的密鑰開啟 {path}：這是另一個資料夾的備份，或不是 MDCC Desktop 的備份。請將其還原到原來的資料夾（連同該資料夾的密鑰檔案）。未有作任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The backup {path} is damaged (it fails SQLite&apos;s integrity check): it cannot be restored. Choose another backup; nothing was changed.</source>
        <translation>備份 {path} 已損壞（未能通過 SQLite 完整性檢查）：無法還原。請選擇另一個備份；未有作任何更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} opens with this folder&apos;s key but holds no MDCC Desktop data: it cannot be restored. Nothing was changed.</source>
        <translation>{path} 可以此資料夾的密鑰開啟，但沒有 MDCC Desktop 的資料：無法還原。未有作任何更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup {path} was made by a newer version of MDCC Desktop (schema {schema}; this version knows {known}): install the newer version to restore it. Nothing was changed.</source>
        <translation>備份 {path} 由較新版本的 MDCC Desktop 製作（結構 {schema}；此版本只認識 {known}）：請安裝較新版本以還原。未有作任何更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} is the database itself, not a backup: choose a file in the backups folder.</source>
        <translation>{path} 是資料庫本身，不是備份：請在備份資料夾中選擇檔案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MDCC Desktop is open on the data folder {folder}: close it first, or restore from its File menu. Nothing was changed.</source>
        <translation>MDCC Desktop 正開啟資料夾 {folder}：請先關閉，或從其「檔案」選單還原。未有作任何更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} exists already: a backup never replaces a file. Choose a new file name.</source>
        <translation>{path} 已存在：備份絕不會取代現有檔案。請選擇新的檔案名稱。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key file&apos;s {where} entry is not an object.</source>
        <translation>密鑰檔案的 {where} 項目不是物件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file&apos;s {where} entry uses a method this app does not know.</source>
        <translation>密鑰檔案的 {where} 項目使用本程式不認識的方法。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file&apos;s {where} is out of range.</source>
        <translation>密鑰檔案的 {where} 超出範圍。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file is not an MDCC Desktop key file.</source>
        <translation>此密鑰檔案不是 MDCC Desktop 的密鑰檔案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file is version {version!r}; this app reads version {supported}. Install the version of MDCC Desktop that wrote it.</source>
        <translation>密鑰檔案的版本是 {version!r}；本程式只讀取版本 {supported}。請安裝寫入此檔案的 MDCC Desktop 版本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key file&apos;s key_id is not valid.</source>
        <translation>密鑰檔案的 key_id 無效。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no key file at {path}.</source>
        <translation>{path} 沒有密鑰檔案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key file {path} cannot be read: {error}.</source>
        <translation>無法讀取密鑰檔案 {path}：{error}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file is too large to be one this app wrote.</source>
        <translation>密鑰檔案太大，不可能是本程式寫入的檔案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file is damaged (not valid JSON).</source>
        <translation>密鑰檔案已損壞（不是有效的 JSON）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key file&apos;s {where} is missing.</source>
        <translation>密鑰檔案欠缺 {where}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key file&apos;s {where} is not valid base 64.</source>
        <translation>密鑰檔案的 {where} 不是有效的 base 64。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file&apos;s {where} has the wrong length.</source>
        <translation>密鑰檔案的 {where} 長度不正確。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database in {folder} is encrypted but its key file ({name}) is missing, so it cannot be opened. Put the key file back from a copy of the data folder; nothing has been changed.</source>
        <translation>{folder} 內的資料庫已加密，但其密鑰檔案（{name}）不見了，所以無法開啟。請從資料夾的副本把密鑰檔案放回原處；未有作任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The passphrase must have at least {n} characters.</source>
        <translation>密碼短語最少須有 {n} 個字元。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase cannot hold control characters.</source>
        <translation>密碼短語不可包含控制字元。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That passphrase does not open this data folder.</source>
        <translation>此密碼短語無法開啟此資料夾。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase opens the key file ({name}) in {folder}, but that key does not open the database there: the key file belongs to another data folder, or the database was replaced. Put back this folder&apos;s own key file and database from one copy of the data folder; nothing has been changed.</source>
        <translation>密碼短語可以開啟 {folder} 內的密鑰檔案（{name}），但該密鑰無法開啟那裏的資料庫：密鑰檔案屬於另一個資料夾，或資料庫已被替換。請從同一份資料夾副本放回此資料夾本身的密鑰檔案及資料庫；未有作任何更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That recovery code does not open this data folder.</source>
        <translation>此復原碼無法開啟此資料夾。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This data folder already has a passphrase; change it instead.</source>
        <translation>此資料夾已設有密碼短語；請改為更改密碼短語。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong tries: wait {seconds} second(s) before trying again.</source>
        <translation>錯誤次數太多：請等候 {seconds} 秒後再試。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The passphrase file {path} cannot be read: {error}.</source>
        <translation>無法讀取密碼短語檔案 {path}：{error}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase file {path} is too large to hold a passphrase.</source>
        <translation>密碼短語檔案 {path} 太大，不可能只載有密碼短語。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase file {path} is not UTF-8 text.</source>
        <translation>密碼短語檔案 {path} 不是 UTF-8 文字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase file {path} is empty.</source>
        <translation>密碼短語檔案 {path} 是空的。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passphrases differ: nothing was changed.</source>
        <translation>兩次輸入的密碼短語不同：未有作任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data folder is to be encrypted with a passphrase of your choice: give it with --passphrase-file FILE or the {variable} environment variable, or run mdcc in a terminal to be asked.</source>
        <translation>資料夾將以你選擇的密碼短語加密：請以 --passphrase-file FILE 或環境變數 {variable} 提供密碼短語，或在終端機執行 mdcc 以便輸入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The data folder is encrypted: give its passphrase with --passphrase-file FILE or the {variable} environment variable, or run mdcc in a terminal to be asked.</source>
        <translation>資料夾已加密：請以 --passphrase-file FILE 或環境變數 {variable} 提供其密碼短語，或在終端機執行 mdcc 以便輸入。</translation>
    </message>
</context>
<context>
    <name>MinutesActions</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/minutes_menu.py" line="+49"/>
        <source>Word documents (*.docx);;PDF through LibreOffice (*.pdf)</source>
        <translation>Word 文件 (*.docx);;經 LibreOffice 轉換的 PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Written: %1</source>
        <translation>已寫入：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export the minutes</source>
        <translation>匯出會議紀錄</translation>
    </message>
    <message>
        <location line="+29"/>
        <source> (yours)</source>
        <translation>（你的）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (profile&apos;s)</source>
        <translation>（設定檔的）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The minutes will use the template %1.</source>
        <translation>會議紀錄將使用範本 %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Outcome letters: choose the folder to save them in</source>
        <translation>會議結果通知：選擇儲存的資料夾</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Outcome letter issued, one for each of %1 recipients: %2. Saved in %3.</source>
        <translation>已發出會議結果通知，%1 位收件人每人一封：%2。已儲存於 %3。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Circulate</source>
        <translation>分發</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version %1 issued.</source>
        <translation>已發出第 %1 版。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail drafts ready to send: %1</source>
        <translation>電郵草稿已準備好發送：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No e-mail address, to be handed a copy: %1</source>
        <translation>沒有電郵地址，須親手送交副本：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Final: minutes version %1, both copies. The conference is locked.</source>
        <translation>已定稿：會議紀錄第 %1 版（兩個版本）。會議已鎖定。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;What the parents&apos; copy leaves out…</source>
        <translation>家長版本略去的內容(&amp;W)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Issue the minutes</source>
        <translation>發出會議紀錄(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;History…</source>
        <translation>歷史(&amp;H)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Issue</source>
        <translation>發出</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Issued version %1 of both copies. Minutes ▸ History saves a copy.</source>
        <translation>兩個版本的第 %1 版已發出。可在「會議紀錄 ▸ 歷史」儲存副本。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Word documents (*.docx)</source>
        <translation>Word 文件 (*.docx)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the issued version</source>
        <translation>儲存已發出的版本</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reopen the conference</source>
        <translation>重開會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why are the final minutes being reopened?</source>
        <translation>為何重開已定稿的會議紀錄？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reopened; the reason is recorded.</source>
        <translation>已重開；原因已記錄。</translation>
    </message>
</context>
<context>
    <name>NewConferenceDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/home/new_conference.py" line="+73"/>
        <source>New conference</source>
        <translation>新增會議</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case reference</source>
        <translation>個案編號</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>An existing case or a new reference</source>
        <translation>現有個案或新編號</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Children, one a line</source>
        <translation>兒童（每行一名）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One child a line: name; other-script name; 2021-02-14</source>
        <translation>每行一名兒童：姓名; 另一文字姓名; 2021-02-14</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Jurisdiction profile</source>
        <translation>司法管轄區設定檔</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conference type</source>
        <translation>會議類別</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date and time</source>
        <translation>日期及時間</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Venue</source>
        <translation>地點</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral / strategy discussion on</source>
        <translation>轉介／策略討論日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral date known</source>
        <translation>已知轉介日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referral date</source>
        <translation>轉介日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Carry forward the attendees</source>
        <translation>延續與會者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carry forward the household</source>
        <translation>延續家庭成員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carry forward every open action</source>
        <translation>延續所有未完成跟進行動</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conference to review</source>
        <translation>要檢討的會議</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Case reference:</source>
        <translation>個案編號(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hildren:</source>
        <translation>兒童(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Profile:</source>
        <translation>設定檔(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>類別(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date and time:</source>
        <translation>日期及時間(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Venue:</source>
        <translation>地點(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;itle:</source>
        <translation>名稱(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referral dat&amp;e:</source>
        <translation>轉介日期(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reviews:</source>
        <translation>檢討(&amp;R)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create</source>
        <translation>建立</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A new case: list its children below.</source>
        <translation>新個案：請在下方列出其兒童。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Existing case: %1</source>
        <translation>現有個案：%1</translation>
    </message>
</context>
<context>
    <name>ReadBackDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/readback.py" line="+210"/>
        <source>Read-back</source>
        <translation>覆述</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Decisions and open actions (Enter goes to the line):</source>
        <translation>決定及未完成跟進行動（按 Enter 前往該行）(&amp;D)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show to the &amp;room</source>
        <translation>向在場人士顯示(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the read-back to the room</source>
        <translation>向在場人士顯示覆述</translation>
    </message>
</context>
<context>
    <name>ReadBackList</name>
    <message>
        <location line="-170"/>
        <source>Decisions and actions to read back</source>
        <translation>須覆述的決定及跟進行動</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+26"/>
        <source>no owner</source>
        <translation>未有負責人</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+26"/>
        <source>no due date</source>
        <translation>未有限期</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>no method</source>
        <translation>未有方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no key worker</source>
        <translation>未有主責社工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no review date</source>
        <translation>未有檢討日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>method not recorded</source>
        <translation>未記錄方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by consensus</source>
        <translation>經共識</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by majority</source>
        <translation>經多數決</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the chair&apos;s decision</source>
        <translation>會議主席決定</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Decision: %1 (%2)</source>
        <translation>決定：%1（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>    Dissent, %1: %2</source>
        <translation>    異議，%1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action: %1 (%2, by %3)</source>
        <translation>跟進行動：%1（%2，限期 %3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>    Restricted: not read to a parent or carer</source>
        <translation>    限閱：不向家長或照顧者宣讀</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MISSING: %1</source>
        <translation>欠缺：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key worker: %1</source>
        <translation>主責社工：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MISSING: no key worker</source>
        <translation>欠缺：未有主責社工</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review conference: %1</source>
        <translation>檢討會議：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MISSING: no review date</source>
        <translation>欠缺：未有檢討日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reporter&apos;s identity: recorded (never shown)</source>
        <translation>舉報人身分：已記錄（不會顯示）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reporter&apos;s identity: not recorded</source>
        <translation>舉報人身分：未記錄</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing missing.</source>
        <translation>沒有欠缺。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n thing(s) missing.</source>
        <translation>
            <numerusform>欠缺 %n 項。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n restricted line(s) not shown while a parent or carer is present.</source>
        <translation>
            <numerusform>家長或照顧者在場時，不顯示 %n 行限閱內容。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenderProgress</name>
    <message>
        <location filename="../../mdcc_desktop/ui/minutes/dialogs.py" line="-318"/>
        <location line="+1"/>
        <source>Writing the document</source>
        <translation>正在製作文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <location line="+3"/>
        <source>Filling in the template…</source>
        <translation>正在填寫範本…</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Starting…</source>
        <translation>正在開始…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the template…</source>
        <translation>正在檢查範本…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving the document…</source>
        <translation>正在儲存文件…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2 s)</source>
        <translation>%1（%2 秒）</translation>
    </message>
</context>
<context>
    <name>ReporterIdentityDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/records/dialogs.py" line="+29"/>
        <source>Export conference</source>
        <translation>匯出會議</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Include the reporter&apos;s identity</source>
        <translation>包括舉報人身分(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include the reporter&apos;s identity</source>
        <translation>包括舉報人身分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Warning: disclosing the identity of the person who reported abuse can be an offence (Cap. 650, s.11). Include it only where the law allows, and say why: the reason is kept in the disclosure log.</source>
        <translation>警告：披露舉報虐待者的身分可構成罪行（第 650 章第 11 條）。只應在法律容許的情況下包括，並說明原因：原因會記入披露紀錄。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reason for including the reporter&apos;s identity</source>
        <translation>包括舉報人身分的原因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reporter&apos;s identity is left out of the file unless you include it.</source>
        <translation>除非你選擇包括，否則檔案不會載有舉報人身分。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/backups/dialogs.py" line="-122"/>
        <source>Restore a backup</source>
        <translation>還原備份</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the backup to put in place of the current data. The current data is kept aside first, as a backup of its own, so that nothing is lost.</source>
        <translation>請選擇用以取代現有資料的備份。現有資料會先另存為一個備份，以免遺失。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Backups:</source>
        <translation>備份(&amp;B)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backups</source>
        <translation>備份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made</source>
        <translation>製作時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>There is no backup yet: use File &gt; Back up now.</source>
        <translation>尚未有備份：請使用「檔案 &gt; 立即備份」。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore…</source>
        <translation>還原(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore the chosen backup</source>
        <translation>還原所選備份</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made on request</source>
        <translation>按要求製作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before an update</source>
        <translation>更新前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept aside before a restore</source>
        <translation>還原前另存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other copy</source>
        <translation>其他副本</translation>
    </message>
</context>
<context>
    <name>RoomView</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/readback.py" line="+16"/>
        <source>Read-back for the room</source>
        <translation>向在場人士覆述</translation>
    </message>
</context>
<context>
    <name>SafetyPanel</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/safety.py" line="+113"/>
        <source>not rated</source>
        <translation>未評分</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Safety scale of %1</source>
        <translation>%1 的安全評分</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Safety scale of %1: %2</source>
        <translation>%1 的安全評分：%2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>0 means the child cannot live at home; 10 means safe enough to close the case.</source>
        <translation>0 表示兒童不能在家居住；10 表示安全程度足以結束個案。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Mapping column</source>
        <translation>評估圖欄目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mapping line</source>
        <translation>評估圖項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A line for this column (Enter adds)</source>
        <translation>此欄目的一項（按 Enter 加入）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove line</source>
        <translation>移除項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+71"/>
        <source>Remove mapping line</source>
        <translation>移除評估圖項目</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Save the change</source>
        <translation>儲存更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the change to the selected mapping line</source>
        <translation>儲存對所選評估圖項目的更改</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Safety scale by participant</source>
        <translation>各參與者的安全評分</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scaling at earlier conferences</source>
        <translation>較早前會議的評分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to:</source>
        <translation>加入至：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line:</source>
        <translation>項目：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scaling: 10 = safe enough to close, 0 = the child cannot live at home</source>
        <translation>評分：10 = 安全程度足以結束個案，0 = 兒童不能在家居住</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1: median %2</source>
        <translation>%1：中位數 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>today: median %1</source>
        <translation>今天：中位數 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scaling over this case&apos;s conferences: %1</source>
        <translation>本個案歷次會議的評分：%1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Select the mapping line to change.</source>
        <translation>請選擇要更改的評估圖項目。</translation>
    </message>
</context>
<context>
    <name>ScaleDelegate</name>
    <message>
        <location line="-272"/>
        <source>not rated</source>
        <translation>未評分</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../mdcc_desktop/ui/followup/search.py" line="+42"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search cases, notes, decisions and actions</source>
        <translation>搜尋個案、筆記、決定及跟進行動</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Search:</source>
        <translation>搜尋：</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 項結果</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchWindow</name>
    <message>
        <location filename="../../mdcc_desktop/ui/followup/search_window.py" line="+36"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search everything</source>
        <translation>搜尋全部</translation>
    </message>
</context>
<context>
    <name>SectionPicker</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/section_picker.py" line="+24"/>
        <source>Minutes section of the agenda item</source>
        <translation>議程項目的會議紀錄部分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the minutes print this item&apos;s notes: a section, or the discussion.</source>
        <translation>此項目的筆記印在會議紀錄的哪一部分，或列入討論。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minutes section:</source>
        <translation>會議紀錄部分：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Discussion (no section)</source>
        <translation>討論（不屬任何部分）</translation>
    </message>
</context>
<context>
    <name>SetUpDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/unlock/dialogs.py" line="+101"/>
        <source>Protect this data folder</source>
        <translation>保護此資料夾</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The data in this folder is not encrypted yet. Choose a passphrase: the data is encrypted with it now, and it is asked each time MDCC Desktop starts.</source>
        <translation>此資料夾的資料尚未加密。請選擇密碼短語：資料會立即以此加密，而每次啟動 MDCC Desktop 時均須輸入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a passphrase for this data folder: everything in it is encrypted, and the passphrase is asked each time MDCC Desktop starts.</source>
        <translation>請為此資料夾選擇密碼短語：資料夾內所有資料均會加密，而每次啟動 MDCC Desktop 時均須輸入密碼短語。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New passphrase</source>
        <translation>新密碼短語</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new passphrase again</source>
        <translation>再次輸入新密碼短語</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase strength</source>
        <translation>密碼短語強度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What went wrong</source>
        <translation>出錯原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Encrypt with this passphrase</source>
        <translation>以此密碼短語加密(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypt with this passphrase</source>
        <translation>以此密碼短語加密</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cl&amp;ose without opening</source>
        <translation>關閉而不開啟(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without opening</source>
        <translation>關閉而不開啟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Passphrase:</source>
        <translation>密碼短語(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Repeat the passphrase:</source>
        <translation>再次輸入密碼短語(&amp;R)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This is the recovery code. It opens the data folder if the passphrase is forgotten, and it is shown only now: write it down and keep it apart from this computer.</source>
        <translation>這是復原碼。忘記密碼短語時，可用它開啟資料夾；復原碼只會在此顯示一次：請抄下並與此電腦分開存放。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recovery code</source>
        <translation>復原碼</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The last group of the recovery code</source>
        <translation>復原碼的最後一組</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whether the group matches</source>
        <translation>該組是否相符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Done: open MDCC Desktop</source>
        <translation>完成：開啟 MDCC Desktop(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done: open MDCC Desktop</source>
        <translation>完成：開啟 MDCC Desktop</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To show it is written down, type its &amp;last group (five characters):</source>
        <translation>為確認已抄下，請輸入其最後一組（五個字元）(&amp;L)：</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Strength: too short (at least %n characters).</source>
        <translation>
            <numerusform>強度：太短（最少 %n 個字元）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strength: weak. A few unrelated words make a strong passphrase.</source>
        <translation>強度：弱。由幾個互不相關的詞語組成的密碼短語較強。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strength: fair. Longer is stronger.</source>
        <translation>強度：一般。愈長愈強。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strength: strong.</source>
        <translation>強度：強。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>The passphrase must have at least %n characters.</source>
        <translation>
            <numerusform>密碼短語最少須有 %n 個字元。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation>兩次輸入的密碼短語不同：請輸入相同的密碼短語兩次。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This data folder already has a passphrase: close and start again.</source>
        <translation>此資料夾已設有密碼短語：請關閉後重新啟動。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>It matches.</source>
        <translation>相符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is not the code&apos;s last group.</source>
        <translation>這不是復原碼的最後一組。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type the code&apos;s last group first: it is not shown again.</source>
        <translation>請先輸入復原碼的最後一組：復原碼不會再次顯示。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../mdcc_desktop/settings.py" line="+155"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of menus, messages and screens.</source>
        <translation>選單、訊息及畫面所用的語言。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lock after (minutes idle)</source>
        <translation>閒置多少分鐘後鎖定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock MDCC Desktop when it has not been used for this many minutes.</source>
        <translation>MDCC Desktop 閒置達此分鐘數時即鎖定。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Default jurisdiction</source>
        <translation>預設司法管轄區</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The jurisdiction profile a new conference starts with.</source>
        <translation>新會議開始時使用的司法管轄區設定檔。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Organisation name</source>
        <translation>機構名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your organisation&apos;s name, as minutes and letters show it.</source>
        <translation>會議紀錄及信件上顯示的機構名稱。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backups to keep</source>
        <translation>保留備份數目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many copies of the database to keep in the backups folder.</source>
        <translation>在備份資料夾中保留多少份資料庫副本。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backups folder</source>
        <translation>備份資料夾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where backups are kept; empty keeps them in the data folder.</source>
        <translation>存放備份的位置；留空則存放於資料夾內。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Look</source>
        <translation>外觀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the computer&apos;s look, or always light or dark.</source>
        <translation>跟隨電腦的外觀，或一律使用淺色或深色。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First run</source>
        <translation>首次使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far the welcome of a new data folder has gone.</source>
        <translation>新資料夾的首次使用設定進行到哪一步。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Workspaces open at quit</source>
        <translation>結束時開啟的工作區</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The conferences reopened at the next start.</source>
        <translation>下次啟動時重新開啟的會議。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Workspace being opened</source>
        <translation>正在開啟的工作區</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A workspace whose opening had not finished: not reopened by itself.</source>
        <translation>未完成開啟的工作區：不會自動重新開啟。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/settings/dialog.py" line="+68"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The computer&apos;s language</source>
        <translation>跟隨電腦的語言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traditional Chinese (Hong Kong)</source>
        <translation>繁體中文（香港）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow the computer</source>
        <translation>跟隨電腦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loo&amp;k:</source>
        <translation>外觀(&amp;K)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock &amp;after:</source>
        <translation>閒置後鎖定(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first in the list</source>
        <translation>清單中的第一個</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Jurisdiction:</source>
        <translation>司法管轄區(&amp;J)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Organisation:</source>
        <translation>機構(&amp;O)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+130"/>
        <source>The organisation&apos;s logo</source>
        <translation>機構標誌</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Choose a lo&amp;go…</source>
        <translation>選擇標誌(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the organisation&apos;s logo</source>
        <translation>選擇機構標誌</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remo&amp;ve the logo</source>
        <translation>移除標誌(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the organisation&apos;s logo</source>
        <translation>移除機構標誌</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Logo:</source>
        <translation>標誌：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who the disclosure log says shared each document.</source>
        <translation>披露紀錄中記下的每份文件分享者。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;name:</source>
        <translation>你的姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your e-mail address</source>
        <translation>你的電郵地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender of the minutes&apos; e-mail drafts.</source>
        <translation>會議紀錄電郵草稿的寄件人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;e-mail:</source>
        <translation>你的電郵(&amp;E)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Backups to keep:</source>
        <translation>保留備份數目(&amp;B)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data folder&apos;s backups folder</source>
        <translation>資料夾內的備份資料夾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>選擇(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the backups folder</source>
        <translation>選擇備份資料夾</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backups &amp;folder:</source>
        <translation>備份資料夾(&amp;F)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Office &amp;closure days…</source>
        <translation>辦公室停止辦公日(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office closure days</source>
        <translation>辦公室停止辦公日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What is wrong</source>
        <translation>問題所在</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The new language is used when MDCC Desktop starts again.</source>
        <translation>新語言會在 MDCC Desktop 重新啟動後使用。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backups folder</source>
        <translation>備份資料夾</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No logo</source>
        <translation>沒有標誌</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>圖片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That file is not a picture: choose a PNG or JPEG.</source>
        <translation>該檔案不是圖片：請選擇 PNG 或 JPEG。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The backups folder must be a full path, such as /home/me/Backups.</source>
        <translation>備份資料夾必須是完整路徑，例如 /home/me/Backups。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backups folder is a file, not a folder.</source>
        <translation>備份資料夾是一個檔案，而不是資料夾。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not saved: %1</source>
        <translation>未能儲存：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../mdcc_desktop/ui/labels.py" line="+75"/>
        <source>Remove the selected agenda item</source>
        <translation>移除所選議程項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected agenda item up</source>
        <translation>將所選議程項目上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected agenda item down</source>
        <translation>將所選議程項目下移</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Restrict the agenda item (left out of the parents&apos; copy)</source>
        <translation>將議程項目設為限閱（不載於家長版本）</translation>
    </message>
</context>
<context>
    <name>StepOutBox</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/exclusions.py" line="+66"/>
        <source>Steps out of the room</source>
        <translation>暫時離場</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why they step out</source>
        <translation>暫時離場原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why they step out (e.g. while a restricted report is discussed)</source>
        <translation>暫時離場原因（例如討論限閱報告期間）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+45"/>
        <source>Step out</source>
        <translation>暫時離場</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Step out or come back in</source>
        <translation>暫時離場或返回</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Times out of the room</source>
        <translation>離場時段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out</source>
        <translation>離場</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove this time out</source>
        <translation>移除此離場時段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step &amp;out / back in</source>
        <translation>暫時離場／返回(&amp;O)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Because:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Back in</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+71"/>
        <source>(still out)</source>
        <translation>（仍未返回）</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Select the attendee who steps out first.</source>
        <translation>請先選擇暫時離場的與會者。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type why %1 steps out, then press Enter.</source>
        <translation>請輸入 %1 暫時離場的原因，然後按 Enter。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 is not a time: type 10:05.</source>
        <translation>%1 不是時間：請輸入例如 10:05。</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/editing.py" line="+153"/>
        <source>not yet (type 10:05)</source>
        <translation>尚未（輸入例如 10:05）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type 10:05, or 2026-11-20 10:05; empty it for not yet.</source>
        <translation>輸入 10:05 或 2026-11-20 10:05；留空表示尚未。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem with %1</source>
        <translation>%1 有問題</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 is not a time: type 10:05, or 2026-11-20 10:05.</source>
        <translation>%1 不是時間：請輸入 10:05 或 2026-11-20 10:05。</translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <location filename="../../mdcc_desktop/ui/followup/tracker.py" line="-340"/>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>Selected action</source>
        <translation>所選跟進行動</translation>
    </message>
</context>
<context>
    <name>TrackerPage</name>
    <message>
        <location line="-145"/>
        <source>Which actions</source>
        <translation>顯示哪些跟進行動</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency</source>
        <translation>機構</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case reference</source>
        <translation>個案編號</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>個案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show every conference again</source>
        <translation>再次顯示所有會議</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Actions across all conferences</source>
        <translation>所有會議的跟進行動</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Show:</source>
        <translation>顯示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Owner:</source>
        <translation>負責人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency:</source>
        <translation>機構：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case:</source>
        <translation>個案：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E&amp;xport…</source>
        <translation>匯出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export these actions</source>
        <translation>匯出這些跟進行動</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n 項跟進行動</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export actions</source>
        <translation>匯出跟進行動</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the file a .csv, .xlsx or .ics name.</source>
        <translation>請以 .csv、.xlsx 或 .ics 作為檔案副檔名。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exported to %1</source>
        <translation>已匯出至 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only %1 ✕</source>
        <translation>只顯示 %1 ✕</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/unlock/dialogs.py" line="+14"/>
        <source>Unlock MDCC Desktop</source>
        <translation>解鎖 MDCC Desktop</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The data folder is encrypted. Type its passphrase.</source>
        <translation>資料夾已加密。請輸入其密碼短語。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase</source>
        <translation>密碼短語</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What happened</source>
        <translation>發生了甚麼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlock</source>
        <translation>解鎖(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the &amp;recovery code…</source>
        <translation>使用復原碼(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the recovery code</source>
        <translation>使用復原碼</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/lock/screen.py" line="-4"/>
        <location filename="../../mdcc_desktop/ui/unlock/dialogs.py" line="+3"/>
        <source>Close without opening</source>
        <translation>關閉而不開啟</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/unlock/dialogs.py" line="-1"/>
        <source>Cl&amp;ose without opening</source>
        <translation>關閉而不開啟(&amp;O)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Passphrase:</source>
        <translation>密碼短語(&amp;P)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the recovery code written down when the passphrase was set, and choose a new passphrase. The recovery code keeps working.</source>
        <translation>請輸入設定密碼短語時抄下的復原碼，並選擇新的密碼短語。復原碼會繼續有效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recovery code</source>
        <translation>復原碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New passphrase</source>
        <translation>新密碼短語</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new passphrase again</source>
        <translation>再次輸入新密碼短語</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What went wrong</source>
        <translation>出錯原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Set the new passphrase and open</source>
        <translation>設定新密碼短語並開啟(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the new passphrase and open</source>
        <translation>設定新密碼短語並開啟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back to the passphrase</source>
        <translation>返回密碼短語(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the passphrase</source>
        <translation>返回密碼短語</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovery &amp;code:</source>
        <translation>復原碼(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New passphrase:</source>
        <translation>新密碼短語(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat the ne&amp;w passphrase:</source>
        <translation>再次輸入新密碼短語(&amp;W)：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Type the passphrase first.</source>
        <translation>請先輸入密碼短語。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>That is not the passphrase. Try again.</source>
        <translation>密碼短語不正確。請再試。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Type the recovery code first.</source>
        <translation>請先輸入復原碼。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The passphrase must have at least %n characters.</source>
        <translation>
            <numerusform>密碼短語最少須有 %n 個字元。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The two passphrases differ.</source>
        <translation>兩次輸入的密碼短語不同。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>That recovery code does not open this data folder. Check it and try again.</source>
        <translation>此復原碼無法開啟此資料夾。請檢查後再試。</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>That is not the passphrase. Too many wrong tries: wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>密碼短語不正確。錯誤次數太多：請等候 %n 秒後再試。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Too many wrong tries: wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>錯誤次數太多：請等候 %n 秒後再試。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You can try again now.</source>
        <translation>現在可以再試。</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/unlock/hook.py" line="+48"/>
        <source>Nothing was set up: the data folder is as it was.</source>
        <translation>未有作任何設定：資料夾維持原狀。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The data folder stays locked: nothing was opened.</source>
        <translation>資料夾保持鎖定：未有開啟任何資料。</translation>
    </message>
</context>
<context>
    <name>WithheldDialog</name>
    <message>
        <location filename="../../mdcc_desktop/ui/minutes/withheld.py" line="+40"/>
        <source>What the parents&apos; copy leaves out</source>
        <translation>家長版本略去的內容</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The parents&apos; copy will hold everything the full copy holds. Go on, or cancel to restrict a part first.</source>
        <translation>家長版本將載有完整版本的全部內容。請繼續，或取消以先將某部分設為限閱。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The parents&apos; copy and the outcome letter leave out these parts of the full copy (numbered as the full copy numbers them).</source>
        <translation>家長版本及結果通知信略去完整版本的以下部分（編號與完整版本相同）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Before the parents&apos; copy is issued: it leaves out these parts of the full copy (numbered as the full copy numbers them). Go on, or cancel to change the record first.</source>
        <translation>發出家長版本前：家長版本略去完整版本的以下部分（編號與完整版本相同）。請繼續，或取消以先修改紀錄。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing is left out of the parents&apos; copy.</source>
        <translation>家長版本沒有略去任何內容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parts left out of the parents&apos; copy</source>
        <translation>家長版本略去的部分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>內容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it is left out</source>
        <translation>略去原因</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Agenda item %1</source>
        <translation>議程項目 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision %1</source>
        <translation>決定 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action %1</source>
        <translation>跟進行動 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report</source>
        <translation>報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusion</source>
        <translation>離場</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restricted by the chair</source>
        <translation>會議主席設為限閱</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discussed while a parent or carer was out of the room</source>
        <translation>於家長或照顧者離場期間討論</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Under agenda item %1, which is left out</source>
        <translation>屬於已略去的議程項目 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linked to decision %1, which is left out</source>
        <translation>與已略去的決定 %1 相關</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its author did not share it with the parents</source>
        <translation>撰寫人未有與家長分享</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When and why someone was asked to leave the meeting</source>
        <translation>何時及為何有人被要求離開會議</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/models.py" line="+145"/>
        <location line="+105"/>
        <source> [RESTRICTED]</source>
        <translation>［限閱］</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Restricted: left out of the parents&apos; copy</source>
        <translation>限閱：不載於家長版本</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>⚠ no owner</source>
        <translation>⚠ 未有負責人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ no date</source>
        <translation>⚠ 未有日期</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>⚠ no method</source>
        <translation>⚠ 未有方式</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/exclusions.py" line="-135"/>
        <source>⚠ Restricted item, and %1 in the room: ask them to step out (select them, Ctrl+Shift+O) before it is discussed.</source>
        <translation>⚠ 限閱項目，而 %1 在場：討論前請其暫時離場（選擇該人士，按 Ctrl+Shift+O）。</translation>
    </message>
</context>
<context>
    <name>WorkspaceHeader</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/header.py" line="+41"/>
        <source>Elapsed time</source>
        <translation>已用時間</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the conference</source>
        <translation>開始會議</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>End</source>
        <translation>結束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the conference</source>
        <translation>結束會議</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Messages</source>
        <translation>訊息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deadlines</source>
        <translation>限期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Final minutes: this conference is locked. Minutes ▸ Reopen… to change it.</source>
        <translation>會議紀錄已定稿：本會議已鎖定。如需更改，請選擇「會議紀錄 ▸ 重開…」。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Locked</source>
        <translation>已鎖定</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>unknown</source>
        <translation>不詳</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scheduled %1</source>
        <translation>預定 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>started %1</source>
        <translation>%1 開始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ended %1</source>
        <translation>%1 結束</translation>
    </message>
</context>
<context>
    <name>WorkspaceOps</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/ops.py" line="+77"/>
        <source>start the conference</source>
        <translation>開始會議</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>end the conference</source>
        <translation>結束會議</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>correct the start</source>
        <translation>更正開始時間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>correct the end</source>
        <translation>更正結束時間</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>change the %1</source>
        <translation>更改%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>next review date</source>
        <translation>下次檢討日期</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>mandatory report</source>
        <translation>強制舉報</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>next agenda item</source>
        <translation>下一個議程項目</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>change the agenda</source>
        <translation>更改議程</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>restrict an agenda item</source>
        <translation>將議程項目設為限閱</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>add an agenda item</source>
        <translation>加入議程項目</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>remove an agenda item</source>
        <translation>移除議程項目</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>move an agenda item</source>
        <translation>移動議程項目</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>add %1</source>
        <translation>加入 %1</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/corrections.py" line="+38"/>
        <source>remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../mdcc_desktop/ui/workspace/ops.py" line="+13"/>
        <location filename="../../mdcc_desktop/ui/workspace/room_ops.py" line="+78"/>
        <location line="+10"/>
        <source>change %1</source>
        <translation>更改 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>change a decision</source>
        <translation>更改決定</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>remove a decision</source>
        <translation>移除決定</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>change a dissent</source>
        <translation>更改異議</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>remove a dissent</source>
        <translation>移除異議</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>remove an action</source>
        <translation>移除跟進行動</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>change the mapping</source>
        <translation>更改評估圖</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>change a household member</source>
        <translation>更改家庭成員</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>remove a child</source>
        <translation>移除兒童</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/ops.py" line="+11"/>
        <source>check in %1</source>
        <translation>為 %1 報到</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 left</source>
        <translation>%1 已離場</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>copy of the minutes</source>
        <translation>會議紀錄副本</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>add action</source>
        <translation>加入跟進行動</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>change an action</source>
        <translation>更改跟進行動</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>progress note</source>
        <translation>進度備註</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>record decision</source>
        <translation>記錄決定</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>record dissent</source>
        <translation>記錄異議</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>change a child&apos;s details</source>
        <translation>更改兒童資料</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>add a child</source>
        <translation>加入兒童</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>add to household</source>
        <translation>加入家庭成員</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>remove from household</source>
        <translation>移除家庭成員</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>safety scale</source>
        <translation>安全評分</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Give a scale before a note.</source>
        <translation>請先給予評分，然後才加入備註。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>safety scale note</source>
        <translation>安全評分備註</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>add to the mapping</source>
        <translation>加入評估圖</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>remove from the mapping</source>
        <translation>從評估圖移除</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/room_ops.py" line="-42"/>
        <source>%1 steps out</source>
        <translation>%1 暫時離場</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 back in</source>
        <translation>%1 返回</translation>
    </message>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/record_ops.py" line="+27"/>
        <source>minutes section</source>
        <translation>會議紀錄部分</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the action&apos;s outcome</source>
        <translation>跟進行動的預期成效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the action&apos;s contingency</source>
        <translation>跟進行動的應變安排</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>book the meetings</source>
        <translation>安排會議</translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <location filename="../../mdcc_desktop/ui/workspace/window.py" line="+147"/>
        <location line="+76"/>
        <source>Attendees and actions</source>
        <translation>與會者及跟進行動</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Attendee&amp;s</source>
        <translation>與會者(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acti&amp;ons</source>
        <translation>跟進行動(&amp;O)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Decisions</source>
        <translation>決定(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sa&amp;fety</source>
        <translation>安全(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deta&amp;ils</source>
        <translation>詳情(&amp;I)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Start conference</source>
        <translation>開始會議(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;End conference</source>
        <translation>結束會議(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next agenda item</source>
        <translation>下一個議程項目(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre&amp;vious agenda item</source>
        <translation>上一個議程項目(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make the selected item &amp;current</source>
        <translation>將所選項目設為目前項目(&amp;C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;attendee</source>
        <translation>加入與會者(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Check in</source>
        <translation>報到(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark &amp;left</source>
        <translation>標示已離場(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New a&amp;ction</source>
        <translation>新跟進行動(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agenda</source>
        <translation>議程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>筆記</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Search everything</source>
        <translation>搜尋全部(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Read back…</source>
        <translation>覆述(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Meeting</source>
        <translation>會議(&amp;M)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;People</source>
        <translation>人員(&amp;P)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Actions</source>
        <translation>跟進行動(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow up in the &amp;tracker</source>
        <translation>在追蹤表中跟進(&amp;T)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mi&amp;nutes</source>
        <translation>會議紀錄(&amp;N)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export the &amp;full copy…</source>
        <translation>匯出完整版本(&amp;F)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export the &amp;parents&apos; copy…</source>
        <translation>匯出家長版本(&amp;P)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outcome &amp;letter…</source>
        <translation>結果通知信(&amp;L)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Circulate…</source>
        <translation>分發(&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Amendments…</source>
        <translation>修訂(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Finalise (lock)</source>
        <translation>定稿（鎖定）(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reopen…</source>
        <translation>重開(&amp;R)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Template</source>
        <translation>範本(&amp;T)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not done: the notes are not saved yet. Try again in a moment.</source>
        <translation>未完成：筆記尚未儲存。請稍後再試。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>The notes are not saved yet, so this window stays open; it keeps trying. Close it again once the notes show Saved, or to save them to a file.</source>
        <translation>筆記尚未儲存，因此此視窗會保持開啟並繼續嘗試。請待筆記顯示「已儲存」後再關閉，或將筆記儲存至檔案。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../mdcc_desktop/app.py" line="+235"/>
        <source>MDCC Desktop is already open on this data folder; switched to it.</source>
        <translation>MDCC Desktop 已在此資料夾開啟；已切換至該視窗。</translation>
    </message>
</context>
</TS>
